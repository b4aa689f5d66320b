import { GraphQLError } from 'graphql';
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
                ? new GraphQLError(err.message, { nodes: err.nodes, extensions: { ...err.extensions, code: 'BAD_USER_INPUT' } })
                : err,
            ),
          });
        },
      };
    },
  };
}

function isUncodedVariableError(err: GraphQLError): boolean {
  return err.extensions?.code === undefined && err.path === undefined && err.message.startsWith('Variable "$');
}
