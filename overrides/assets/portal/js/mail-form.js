// @ts-check
/**
 * The forms that end in an e-mail (ticket, translation feedback). The page renders the form
 * and embeds its configuration (fields from data/, texts from locales/); this module validates
 * as the partner types, keeps a draft in this browser, and builds the mailto link and the .eml
 * draft. Every text it shows is inserted as text, never as HTML.
 */
import { composeMessage, SUBJECT_SEPARATOR } from "./lib/compose.js";
import { restoreDraft, serializeDraft } from "./lib/draft.js";
import { buildEml } from "./lib/eml.js";
import { fill } from "./lib/fill.js";
import { buildMailto, isTooLong } from "./lib/mailto.js";
import { isShown, validate } from "./lib/validate.js";
import { countLength } from "./lib/words.js";

/** The counter's text of each unit of a long text's length (the errors are errors.too_few_<unit>). */
const COUNT_MESSAGES = { words: "word_count", characters: "character_count" };

for (const form of document.querySelectorAll("form[data-portal-form]")) setUp(/** @type {HTMLFormElement} */ (form));

/** @param {HTMLFormElement} form */
function setUp(form) {
  const config = JSON.parse(form.querySelector("[data-portal-config]")?.textContent || "{}");
  const draftKey = `portal.draft.${config.form}`; // shared by every language of the site
  const number = new Intl.NumberFormat(config.locale);
  const status = /** @type {HTMLElement} */ (form.querySelector("[data-portal-status]"));
  const result = /** @type {HTMLElement} */ (form.querySelector("[data-portal-result]"));
  const link = /** @type {HTMLAnchorElement} */ (result.querySelector("a[href^='mailto:']"));
  /** @type {Set<string>} fields whose errors are shown: touched ones, all of them after a submit */
  const shownErrors = new Set();
  let message = { subject: "", body: "" };

  const input = (/** @type {string} */ name) => /** @type {any} */ (form.elements.namedItem(name));

  function values() {
    /** @type {Record<string, any>} */
    const out = {};
    for (const field of config.fields) {
      const element = input(field.name);
      if (!element) continue;
      if (field.type === "files") out[field.name] = Array.from(element.files || []);
      else out[field.name] = element.value ?? "";
    }
    return out;
  }

  function restore() {
    const draft = restoreDraft(localStorage.getItem(draftKey), config);
    if (!draft || !Object.keys(draft).length) return;
    for (const [name, value] of Object.entries(draft)) {
      const element = input(name);
      if (element instanceof RadioNodeList) for (const radio of element) /** @type {HTMLInputElement} */ (radio).checked = radio.value === value;
      else if (element && element.type !== "file") element.value = value;
    }
    say(config.messages.draft_restored);
  }

  function save() {
    localStorage.setItem(draftKey, serializeDraft(values(), config));
  }

  function say(/** @type {string} */ text) {
    status.textContent = text;
  }

  /** Hide what does not apply (reproduction details when the problem cannot be reproduced). */
  function applyConditions(/** @type {Record<string, any>} */ current) {
    for (const element of form.querySelectorAll("[data-shown-when]")) {
      const node = /** @type {HTMLElement} */ (element);
      node.hidden = current[node.dataset.shownWhen || ""] !== node.dataset.shownEquals;
    }
  }

  function updateCounters(/** @type {Record<string, any>} */ current) {
    for (const field of config.fields.filter((/** @type {any} */ f) => f.length)) {
      const counter = form.querySelector(`#${config.form}-${field.name}-count`);
      if (!counter) continue;
      const { unit, min, max } = field.length;
      const count = countLength(current[field.name] || "", unit, config.locale);
      counter.textContent = fill(config.messages[COUNT_MESSAGES[unit]], { count: number.format(count), min: number.format(min), max: number.format(max) });
      counter.classList.toggle("portal-counter--ok", count >= min && count <= max);
    }
  }

  function errorText(/** @type {any} */ field, /** @type {string} */ code, /** @type {Record<string, any>} */ current) {
    const key = `errors.${code}`;
    const template = config.messages[key] ?? config.messages["errors.invalid"];
    const count = field.length ? countLength(current[field.name] || "", field.length.unit, config.locale) : 0;
    return fill(template, {
      min: number.format(field.length?.min ?? 0),
      max: number.format(field.length?.max ?? field.max_files ?? 0),
      count: number.format(count),
      size: config.file_sizes[field.name] ?? "",
    });
  }

  function showErrors(/** @type {Record<string, string>} */ errors, /** @type {Record<string, any>} */ current) {
    for (const field of config.fields) {
      const slot = form.querySelector(`#${config.form}-${field.name}-error`);
      if (!slot) continue;
      const code = shownErrors.has(field.name) ? errors[field.name] : undefined;
      slot.textContent = code ? errorText(field, code, current) : "";
      slot.hidden = !code;
      const element = input(field.name);
      const targets = element instanceof RadioNodeList ? Array.from(element) : [element];
      for (const target of targets) {
        if (code) target.setAttribute("aria-invalid", "true");
        else target.removeAttribute("aria-invalid");
      }
    }
  }

  function listFiles(/** @type {Record<string, any>} */ current) {
    for (const element of form.querySelectorAll("[data-files-for]")) {
      const files = current[/** @type {HTMLElement} */ (element).dataset.filesFor || ""] || [];
      element.textContent = files.length ? files.map((/** @type {File} */ file) => file.name).join(", ") : config.messages.no_files;
    }
  }

  function refresh() {
    const current = values();
    applyConditions(current);
    updateCounters(current);
    listFiles(current);
    showErrors(validate(current, config), current);
    return current;
  }

  function focusField(/** @type {string} */ name) {
    const element = input(name);
    (element instanceof RadioNodeList ? /** @type {HTMLElement} */ (element[0]) : element)?.focus();
  }

  form.addEventListener("input", (event) => {
    const target = /** @type {HTMLInputElement} */ (event.target);
    if (target.name) shownErrors.add(target.name);
    result.hidden = true;
    refresh();
    save();
  });
  form.addEventListener("change", () => {
    refresh();
    save();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const current = values();
    const errors = validate(current, config);
    for (const field of config.fields) shownErrors.add(field.name);
    refresh();
    const first = config.fields.find((/** @type {any} */ field) => errors[field.name] && isShown(field, current, config));
    if (first) {
      result.hidden = true;
      focusField(first.name);
      return;
    }
    message = composeMessage(current, config);
    if (config.subject_prefix) message.subject = [config.subject_prefix, message.subject].filter(Boolean).join(SUBJECT_SEPARATOR);
    const url = buildMailto({ to: config.to, subject: message.subject, body: message.body });
    link.href = url;
    /** @type {HTMLElement} */ (result.querySelector("[data-portal-too-long]")).hidden = !isTooLong(url);
    const files = config.fields.some((/** @type {any} */ f) => f.type === "files" && current[f.name].length);
    /** @type {HTMLElement} */ (result.querySelector("[data-portal-attach]")).hidden = !files;
    result.hidden = false;
    result.focus();
    window.location.href = url;
  });

  form.querySelector("[data-portal-clear]")?.addEventListener("click", () => {
    form.reset();
    localStorage.removeItem(draftKey);
    shownErrors.clear();
    result.hidden = true;
    refresh();
    say(config.messages.cleared);
  });

  form.querySelector("[data-portal-copy]")?.addEventListener("click", async () => {
    const text = `To: ${config.to}\r\nSubject: ${message.subject}\r\n\r\n${message.body}`;
    try {
      await navigator.clipboard.writeText(text);
      say(config.messages.copied);
    } catch {
      say(config.messages.copy_failed);
    }
  });

  form.querySelector("[data-portal-eml]")?.addEventListener("click", async () => {
    const current = values();
    const files = config.fields.filter((/** @type {any} */ f) => f.type === "files").flatMap((/** @type {any} */ f) => current[f.name]);
    const attachments = await Promise.all(
      files.map(async (/** @type {File} */ file) => ({ name: file.name, type: file.type || "application/octet-stream", bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    const eml = buildEml({ to: config.to, subject: message.subject, body: message.body, attachments, date: new Date() });
    const anchor = document.createElement("a");
    anchor.href = URL.createObjectURL(new Blob([eml], { type: "message/rfc822" }));
    anchor.download = `${config.form}.eml`;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 10_000);
  });

  restore();
  prefillFromQuery();
  form.hidden = false;
  refresh();

  /** The feedback link of every page says which page the reader came from. */
  function prefillFromQuery() {
    const from = new URLSearchParams(window.location.search).get("from");
    const target = input("page_url");
    if (from && target) target.value = from;
  }
}
