import JSZip from "jszip";
import { fileSignature } from "./fileSignature";
import { workbookReadError } from "./workbookReadError";
import { zipInput } from "./zipInput";

/** A custom document property's value as read from `docProps/custom.xml`. */
export type PackagePropertyValue = string | number | boolean;

/** The document properties of a package that coop-plans uses: the custom ones and when it was last saved. */
export interface PackageProperties {
  /** Custom document properties, name → value (strings, numbers, booleans; dates as ISO text). */
  custom: Record<string, PackagePropertyValue>;
  /** `dcterms:modified` of `docProps/core.xml` (ISO timestamp as written), null when absent. */
  modified: string | null;
}

const CUSTOM_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
const CORE_REL_TYPE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const CUSTOM_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
const VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** The format id Office writes on every user-defined custom property. */
const USER_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
const DEFAULT_CUSTOM_PART = "docProps/custom.xml";

/** A package's custom properties could not be written; `message` is Spanish. */
export class CustomPropertiesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CustomPropertiesError";
  }
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === "#") return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity as "amp"];
  });
}

/** Attributes of a start tag's attribute text, name → unescaped value. */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}


async function loadPackage(bytes: Uint8Array): Promise<JSZip> {
  const signature = fileSignature(bytes);
  if (signature === "ole") throw workbookReadError("legacy-xls");
  if (signature === "ole-encrypted") throw workbookReadError("encrypted");
  if (signature !== "zip") throw workbookReadError("not-xlsx");
  try {
    return await JSZip.loadAsync(zipInput(bytes));
  } catch (error) {
    throw workbookReadError("corrupt", error);
  }
}

/**
 * A part's text, decoded as UTF-8 by JSZip (a BOM dropped); a UTF-16 part is refused rather than
 * misread. Null when the package has no such part.
 */
async function partText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  const text = await file.async("string");
  if (text.startsWith("\uFFFD\uFFFD") || /^\uFEFF?<\u0000/.test(text) || /^\uFEFF?\u0000</.test(text)) {
    throw new CustomPropertiesError(`La parte «${path}» del libro está en UTF-16, que coop-plans no modifica. Guarde el libro de nuevo en Excel y vuelva a intentarlo.`);
  }
  return text.replace(/^\uFEFF/, "");
}

/** The package's root relationships of one type: their ids and targets (package paths, no leading slash). */
function rootRelationships(rels: string, type: string): { id: string; target: string }[] {
  const out: { id: string; target: string }[] = [];
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    const attrs = attributes(m[1]);
    if (attrs.get("Type") === type && attrs.get("TargetMode") !== "External") {
      out.push({ id: attrs.get("Id") ?? "", target: (attrs.get("Target") ?? "").replace(/^\//, "") });
    }
  }
  return out;
}

/** The element of a custom property: its full text, position, name and pid. */
interface PropertyElement {
  start: number;
  end: number;
  name: string;
  pid: number;
  body: string;
}

function propertyElements(xml: string): PropertyElement[] {
  const out: PropertyElement[] = [];
  const re = /<([\w.-]+:)?property\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1?property\s*>)/g;
  for (const m of xml.matchAll(re)) {
    const attrs = attributes(m[2]);
    out.push({ start: m.index!, end: m.index! + m[0].length, name: attrs.get("name") ?? "", pid: Number(attrs.get("pid") ?? 0), body: m[3] ?? "" });
  }
  return out;
}

/** The value of a property element's body: the vt:* element it holds. */
function propertyValue(body: string): PackagePropertyValue | undefined {
  const m = /<(?:[\w.-]+:)?(\w+)\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?\1\s*>)/.exec(body);
  if (!m) return undefined;
  const kind = m[1];
  const text = unescapeXml(m[2] ?? "");
  if (/^(i[1248]|ui[1248]|int|uint|r4|r8|decimal)$/.test(kind)) {
    const n = Number(text.trim());
    return Number.isFinite(n) ? n : text;
  }
  if (kind === "bool") return text.trim() === "true" || text.trim() === "1";
  return text;
}

/**
 * Reads a workbook package's custom document properties (`docProps/custom.xml`, found through the
 * package relationships) and `dcterms:modified` of its core properties. Never loads the
 * worksheets: only the small XML parts.
 *
 * @throws WorkbookReadError `not-xlsx`, `legacy-xls`, `encrypted` or `corrupt`, with the Spanish message.
 */
export async function readPackageProperties(bytes: Uint8Array): Promise<PackageProperties> {
  const zip = await loadPackage(bytes);
  const rels = (await partText(zip, "_rels/.rels")) ?? "";
  const customPath = rootRelationships(rels, CUSTOM_REL_TYPE)[0]?.target;
  const custom: Record<string, PackagePropertyValue> = {};
  const customXml = customPath ? await partText(zip, customPath) : null;
  if (customXml) {
    for (const p of propertyElements(customXml)) {
      const value = propertyValue(p.body);
      if (p.name && value !== undefined) custom[p.name] = value;
    }
  }
  const corePath = rootRelationships(rels, CORE_REL_TYPE)[0]?.target ?? "docProps/core.xml";
  const coreXml = await partText(zip, corePath);
  const modified = coreXml ? /<(?:[\w.-]+:)?modified\b[^>]*>([^<]*)</.exec(coreXml)?.[1]?.trim() || null : null;
  return { custom, modified };
}

/** The custom properties of a package (see `readPackageProperties`). */
export async function readCustomProperties(bytes: Uint8Array): Promise<Record<string, PackagePropertyValue>> {
  return (await readPackageProperties(bytes)).custom;
}

/** The `<vt:…>` element holding a value (an integer in 32 bits as i4, other numbers r8). */
function valueElement(value: PackagePropertyValue, vt: string): string {
  if (typeof value === "boolean") return `<${vt}:bool>${value}</${vt}:bool>`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new CustomPropertiesError("Una propiedad del libro no puede guardar un número no finito.");
    const kind = Number.isInteger(value) && value >= -2147483648 && value <= 2147483647 ? "i4" : "r8";
    return `<${vt}:${kind}>${value}</${vt}:${kind}>`;
  }
  return `<${vt}:lpwstr>${escapeXml(value)}</${vt}:lpwstr>`;
}

/** `custom.xml` with `updates` applied: a property replaced in place (same pid), removed (null) or appended. */
function editCustomXml(xml: string | null, updates: Record<string, PackagePropertyValue | null>): string {
  let doc = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}"></Properties>`;
  // The root element: its prefix, and the prefix bound to the docPropsVTypes namespace (added when missing).
  const root = /<([\w.-]+:)?Properties\b([^>]*?)(\/?)>/.exec(doc);
  if (!root) throw new CustomPropertiesError("Las propiedades personalizadas del libro no tienen la forma esperada; guarde el libro de nuevo en Excel y vuelva a intentarlo.");
  const prefix = root[1] ?? "";
  let vt = [...attributes(root[2]).entries()].find(([k, v]) => k.startsWith("xmlns:") && v === VT_NS)?.[0].slice(6);
  if (!vt || root[3] === "/") {
    vt = vt ?? "vt";
    const attrs = root[2] + (attributes(root[2]).has(`xmlns:${vt}`) ? "" : ` xmlns:${vt}="${VT_NS}"`);
    const open = `<${prefix}Properties${attrs}>`;
    doc = doc.slice(0, root.index) + open + (root[3] === "/" ? `</${prefix}Properties>` : "") + doc.slice(root.index + root[0].length);
  }
  const lowerUpdates = new Map(Object.entries(updates).map(([k, v]) => [k.toLowerCase(), { name: k, value: v }]));
  const elements = propertyElements(doc);
  let nextPid = Math.max(1, ...elements.map((e) => (Number.isFinite(e.pid) ? e.pid : 1))) + 1;
  // Edits from the end backwards so earlier offsets stay valid.
  const done = new Set<string>();
  for (const element of [...elements].reverse()) {
    const key = element.name.toLowerCase();
    const update = lowerUpdates.get(key);
    if (!update) continue;
    const replacement = update.value === null || done.has(key)
      ? ""
      : `<${prefix}property fmtid="${USER_FMTID}" pid="${element.pid}" name="${escapeXml(update.name)}">${valueElement(update.value, vt)}</${prefix}property>`;
    doc = doc.slice(0, element.start) + replacement + doc.slice(element.end);
    done.add(key);
  }
  const appended = [...lowerUpdates.entries()]
    .filter(([key, u]) => !done.has(key) && u.value !== null)
    .map(([, u]) => `<${prefix}property fmtid="${USER_FMTID}" pid="${nextPid++}" name="${escapeXml(u.name)}">${valueElement(u.value as PackagePropertyValue, vt!)}</${prefix}property>`)
    .join("");
  const close = new RegExp(`</${prefix.replace(/[.]/g, "\\.")}Properties\\s*>`).exec(doc);
  if (!close) throw new CustomPropertiesError("Las propiedades personalizadas del libro no tienen la forma esperada; guarde el libro de nuevo en Excel y vuelva a intentarlo.");
  return doc.slice(0, close.index) + appended + doc.slice(close.index);
}

/** `_rels/.rels` with a relationship to the custom properties part (a fresh `rIdN`). */
function addCustomRelationship(rels: string, target: string): string {
  const ids = new Set([...rels.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const close = /<\/([\w.-]+:)?Relationships\s*>/.exec(rels);
  if (!close) throw new CustomPropertiesError("Las relaciones del libro (_rels/.rels) no tienen la forma esperada; guarde el libro de nuevo en Excel y vuelva a intentarlo.");
  const element = `<${close[1] ?? ""}Relationship Id="rId${n}" Type="${CUSTOM_REL_TYPE}" Target="${escapeXml(target)}"/>`;
  return rels.slice(0, close.index) + element + rels.slice(close.index);
}

/** `[Content_Types].xml` with an Override for the custom properties part, unless it has one. */
function ensureContentType(types: string, part: string): string {
  const partName = `/${part}`.toLowerCase();
  for (const m of types.matchAll(/<(?:[\w.-]+:)?Override\b([^>]*?)\/?>/g)) {
    if ((attributes(m[1]).get("PartName") ?? "").toLowerCase() === partName) return types;
  }
  const close = /<\/([\w.-]+:)?Types\s*>/.exec(types);
  if (!close) throw new CustomPropertiesError("El índice de tipos del libro ([Content_Types].xml) no tiene la forma esperada; guarde el libro de nuevo en Excel y vuelva a intentarlo.");
  const element = `<${close[1] ?? ""}Override PartName="/${escapeXml(part)}" ContentType="${CUSTOM_CONTENT_TYPE}"/>`;
  return types.slice(0, close.index) + element + types.slice(close.index);
}

/**
 * Sets (or, with null, removes) custom document properties of a workbook package and returns the
 * new package bytes. A lossless edit: only `docProps/custom.xml` (created when absent, with its
 * content-type override in `[Content_Types].xml` and its relationship in `_rels/.rels`) changes;
 * every other custom property (sensitivity labels included) keeps its text and pid, and every other
 * part keeps its exact bytes — worksheets, charts, images and add-in parts are never re-rendered
 * (this is not an ExcelJS round trip). Property names match case-insensitively, as in Office.
 * Numbers are written as `vt:i4` (32-bit integers) or `vt:r8`, strings as `vt:lpwstr`.
 *
 * @throws WorkbookReadError when the bytes are not a readable .xlsx package (Spanish message).
 * @throws CustomPropertiesError when a part to edit has a shape that cannot be edited safely.
 */
export async function writeCustomProperties(bytes: Uint8Array, updates: Record<string, PackagePropertyValue | null>): Promise<Uint8Array> {
  const zip = await loadPackage(bytes);
  const relsText = await partText(zip, "_rels/.rels");
  const typesText = await partText(zip, "[Content_Types].xml");
  if (relsText === null || typesText === null || !zip.file("xl/workbook.xml")) throw workbookReadError("not-xlsx");
  const existing = rootRelationships(relsText, CUSTOM_REL_TYPE)[0]?.target;
  const part = existing ?? DEFAULT_CUSTOM_PART;
  const xml = await partText(zip, part);
  zip.file(part, editCustomXml(xml, updates));
  if (!existing) zip.file("_rels/.rels", addCustomRelationship(relsText, part));
  const types = ensureContentType(typesText, part);
  if (types !== typesText) zip.file("[Content_Types].xml", types);
  // Entries left alone keep their compressed bytes (JSZip reuses a DEFLATE stream as read).
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
