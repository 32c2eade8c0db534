/**
 * The one way a message that comes back from shared/ or db/ as a key with params (a refusal, an import
 * rejection, an intake problem) becomes text: params that carry an internal name (an action `register`,
 * a stage `reported`, a role `viewer`, a payload or import field `category`) are first put in the
 * reader's language, so no message shows a program's name for a thing (当前角色无权执行“立案”, never
 * “register”). User values (a file name, a cell's text, a number) pass through unchanged.
 */

type Translate = (key: string, named: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** Params naming a thing of the case loop, and the message namespace that names it. */
const NAMED_PARAMS: Readonly<Record<string, string>> = {
  action: 'action',
  stage: 'stage',
  role: 'role',
};

/** The namespace naming the `field` param of a message, by the message's own namespace. */
function fieldNamespace(key: string): string | null {
  if (key.startsWith('import.')) return 'importField';
  if (key.startsWith('loop.')) return 'payloadField';
  return null;
}

/**
 * A message's params with every internal name put in the reader's language (see the module comment);
 * an import rejection's `column`, when it is the field's id because the field has no column, becomes
 * the field's name too.
 */
export function localParams(
  t: Translate,
  te: Exists,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  const named = (namespace: string, value: unknown): unknown =>
    typeof value === 'string' && te(`${namespace}.${value}`) ? t(`${namespace}.${value}`, {}) : value;
  for (const [param, namespace] of Object.entries(NAMED_PARAMS)) {
    if (param in out) out[param] = named(namespace, out[param]);
  }
  const fields = fieldNamespace(key);
  if (fields !== null && 'field' in params) {
    out.field = named(fields, params.field);
    if (params.column === params.field) out.column = out.field;
  }
  return out;
}

/** The text of a message key with its params, internal names put in the reader's language. */
export function messageText(
  t: Translate,
  te: Exists,
  key: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  return t(key, localParams(t, te, key, params));
}
