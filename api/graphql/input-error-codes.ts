import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * graphql-js reports a variable of the wrong type ("Variable "$c" got invalid value "five"; Int
 * cannot represent…") without any extensions.code. Clients switch on the code, so such errors get
 * BAD_USER_INPUT like every other input problem. The message is kept: it already names the
 * variable, the bad value and the expected type.
 */
export function useInputErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          if (!result.errors.some(isUncodedVariableError)) return;
          setResult({
            ...result,
            errors: result.errors.map((err) =>
              isUncodedVariableError(err)
                ? new GraphQLError(err.message, {
                    nodes: err.nodes,
                    extensions: { ...err.extensions, code: 'BAD_USER_INPUT', field: variableField(err.message) },
                  })
                : err,
            ),
          });
        },
      };
    },
  };
}

/** Where graphql-js says the bad value is: `input.items[0].quantity`, or the variable itself. */
function variableField(message: string): string | undefined {
  return /^Variable "\$\w+" got invalid value .*? at "([^"]+)"/s.exec(message)?.[1] ?? /^Variable "\$(\w+)"/.exec(message)?.[1];
}

function isUncodedVariableError(err: GraphQLError): boolean {
  return err.extensions?.code === undefined && err.path === undefined && err.message.startsWith('Variable "$');
}

/**
 * The last line of defence for text: PostgreSQL cannot store U+0000 in text or jsonb, so a NUL in
 * any string of a request (variables or literals, any argument, any nesting, JSON scalars
 * included) is refused before a resolver runs, even on a field whose use case forgot to validate.
 * The answer is BAD_USER_INPUT naming where the NUL is, e.g. `field: 'input.customerName'`.
 */
export function useRefuseNulInput(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const where = nulInVariables(args.variableValues ?? {}) ?? nulInLiterals(args.document);
      if (where === null) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`Invalid input: ${where}: must not contain a NUL character`, {
            extensions: { code: 'BAD_USER_INPUT', field: where, fieldErrors: [{ path: where, message: 'must not contain a NUL character' }] },
          }),
        ],
      });
    },
  };
}

/** The path of the first string with a NUL (in a key or a value), as `$var.field.0.name`; null if none. */
function nulInVariables(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : `$${key}`;
    if (key.includes('\u0000')) return at;
    const found = nulInVariables(inner, at);
    if (found !== null) return found;
  }
  return null;
}

/** The argument (and input field) path of the first string literal with a NUL; null if none. */
function nulInLiterals(document: DocumentNode): string | null {
  const names: string[] = [];
  let found: string | null = null;
  const named = { enter: (node: { name: { value: string } }) => void names.push(node.name.value), leave: () => void names.pop() };
  visit(document, {
    [Kind.ARGUMENT]: named,
    [Kind.OBJECT_FIELD]: named,
    [Kind.STRING]: (node) => {
      if (found === null && node.value.includes('\u0000')) found = names.join('.') || '(literal)';
    },
  });
  return found;
}
