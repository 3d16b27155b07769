// @ts-check
/** On the default language's 404 page: a reader who missed a page under /fr/ gets the French one. */
import { languageNotFoundPage } from "./lib/not-found.js";

const roots = JSON.parse(document.getElementById("portal-language-roots")?.textContent ?? "[]");
const page = languageNotFoundPage(window.location.pathname, roots);
if (page) window.location.replace(page);
