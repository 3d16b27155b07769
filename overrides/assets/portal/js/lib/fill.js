// @ts-check
/**
 * Locale texts for the browser: the same "{name}" placeholders as the build
 * (Python str.format; "{{" and "}}" are literal braces). The texts come from
 * locales/<lang>.yml through the page's JSON; callers insert the result as
 * text or as DOM nodes, never as HTML.
 */

const PLACEHOLDER = /\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The pieces of `template` with each placeholder replaced by its value, which
 * may be anything (a DOM node for a link); ready for Element#replaceChildren.
 * An unknown placeholder stays as it is written.
 * @template T
 * @param {string} template
 * @param {Record<string, T>} params
 * @returns {(string | T)[]}
 */
export function fillParts(template, params) {
  /** @type {(string | T)[]} */
  const parts = [];
  let text = "";
  let last = 0;
  for (const match of String(template).matchAll(PLACEHOLDER)) {
    text += template.slice(last, match.index);
    last = /** @type {number} */ (match.index) + match[0].length;
    const name = match[1];
    if (!name) text += match[0][0];
    else if (Object.hasOwn(params, name)) {
      if (text) parts.push(text);
      parts.push(params[name]);
      text = "";
    } else text += match[0];
  }
  text += String(template).slice(last);
  if (text) parts.push(text);
  return parts;
}

/**
 * @param {string} template
 * @param {Record<string, string | number>} params
 * @returns {string}
 */
export const fill = (template, params) => fillParts(template, params).map(String).join("");
