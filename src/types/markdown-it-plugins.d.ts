// Typings for the two markdown-it plugins used by the compose stage (neither ships its own ESM types).
declare module "markdown-it-container" {
  import type { PluginWithParams } from "markdown-it";
  const container: PluginWithParams;
  export default container;
}
declare module "markdown-it-deflist" {
  import type { PluginSimple } from "markdown-it";
  const deflist: PluginSimple;
  export default deflist;
}
