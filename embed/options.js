// A widget's options and the rules they follow, embedded or on a page of its own.
// scripts/embed.mjs puts this file into the embed loader (without its `export`s), which reads
// the options from a mount's attributes or from the host's `AllianceWidget.mount`; the build
// reads the standalone pages' mounts with it (scripts/page-options.mjs), and holds their
// ENDPOINT to `validEndpoint`.

const THEMES = ['auto', 'light', 'dark'];

/** `values` quoted, as a sentence lists them: "a", "b" or "c". */
const oneOf = (values) => values.map((value) => `"${value}"`).join(', ').replace(/, ([^,]+)$/, ' or $1');

/** The language a mount speaks, of those in `spoken` (codes): the one `given` (`data-lang`,
 * its region ignored), else the first spoken of the page's and then the browser's, else the
 * first; `undefined` when `given` names one not spoken. */
export function language(given, spoken) {
  const of = (tag) => spoken.find((code) => tag.toLowerCase().split('-')[0] === code);
  if (given !== null) return of(given);
  return [document.documentElement.lang, ...(navigator.languages ?? [])].map(of).find(Boolean) ?? spoken[0];
}

/** The options `get(name)` gives (by attribute name, without `data-`) to a widget of `flow`
 * (one of `flows`) speaking one of `spoken`, or a sentence for the page's author on what is
 * wrong. Values are forgiving where their meaning is clear: spaces around them are dropped,
 * and keywords (the flow, the theme, `compact`, the language, the namespace) are read in any
 * case. */
export function options(flow, get, flows, spoken) {
  const trimmed = (name) => get(name)?.trim() ?? null;
  const keyword = (name) => trimmed(name)?.toLowerCase() ?? null;
  const named = flow.trim().toLowerCase();
  const theme = keyword('theme') ?? 'auto';
  const namespace = keyword('namespace') ?? 'default';
  const accent = trimmed('accent');
  const compact = keyword('compact');
  const lang = language(trimmed('lang'), spoken);
  if (!flows.includes(named)) return `data-alliance-widget must be ${oneOf(flows)}, not "${flow}".`;
  if (!lang) return `data-lang must be ${oneOf(spoken)}, not "${get('lang')}".`;
  if (!THEMES.includes(theme)) return `data-theme must be ${oneOf(THEMES)}, not "${get('theme')}".`;
  if (!/^[a-z0-9-]{1,40}$/.test(namespace)) return `data-namespace must be 1 to 40 letters, digits or dashes, not "${get('namespace')}".`;
  if (accent !== null && !CSS.supports('color', accent)) return `data-accent must be a CSS colour, not "${accent}".`;
  if (compact !== null && !['', 'true', 'false'].includes(compact)) return `data-compact takes no value, or "true" or "false", not "${get('compact')}".`;
  const endpoint = trimmed('endpoint');
  if (endpoint !== null && !validEndpoint(endpoint)) return `data-endpoint must be an https: address (or http: on this computer, for testing), not "${endpoint}".`;
  return { flow: named, theme, namespace, lang, accent, compact: compact === '' || compact === 'true', surveyLink: trimmed('survey-link'), endpoint };
}

/** Answers go only to an absolute https: address, or to http: on this computer for testing. */
export function validEndpoint(value) {
  try {
    const url = new URL(value);
    const loopback = ['localhost', '[::1]'].includes(url.hostname) || /^127\./.test(url.hostname);
    return value.startsWith(`${url.protocol}//`) && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback));
  } catch {
    return false;
  }
}
