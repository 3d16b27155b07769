// @ts-check
/**
 * GitHub Pages serves one 404 page for every missing URL: the default language's. The other
 * languages' folders each have their own; this says which one a missing URL belongs to.
 *
 * @param {string} path the missing page's path, as in location.pathname
 * @param {string[]} roots the other languages' folders, absolute: ["/fr/", "/vi/"]
 * @returns {string | null} that language's 404 page, or null where the default one is right
 */
export function languageNotFoundPage(path, roots) {
  const root = roots.find((candidate) => path.startsWith(candidate));
  if (!root || path === `${root}404.html`) return null;
  return `${root}404.html`;
}
