import { useState, type FormEvent } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import type { ApiClient, CooperativeAssigned, CooperativeSummary } from "@coop-plans/shared/api";
import { MODALITY_LABELS, REGIONS, type Modality, type RegionCode } from "@coop-plans/shared/domain";
import { messageOf } from "./errors";
import { BUILTIN_PACKS, packForYear, type RulePack } from "@coop-plans/shared/rules";

/** The newest call year among `packs` (default: the built-in ones) with a rule pack: the form's default convocatoria. */
export function newestPackYear(packs: readonly RulePack[] = BUILTIN_PACKS): number | null {
  return packForYear(null, packs)?.pack.year ?? null;
}

/** A plausible e-mail address (one «@», a dot in the domain, no spaces); the server checks it again. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The Spanish refusal of an e-mail field, or null when it is empty or looks right. */
function emailProblem(value: string): string | null {
  const v = value.trim();
  if (!v || EMAIL_SHAPE.test(v)) return null;
  return `«${v}» no es un correo válido: escríbalo como nombre@dominio.cl.`;
}

/** Props of the AOS's registry form. */
export interface RegistryFormProps {
  client: ApiClient;
  /** The regions the AOS may register in (region names are shown). */
  regions: RegionCode[];
  /** The cooperatives listed (for «Asignar gestor/a»). */
  cooperatives: CooperativeSummary[];
  /** A new idempotency key per registration. */
  newKey(): string;
  /** Called after a registration or an assignment, to reload the list. */
  onChanged(): void;
  /** The default convocatoria: the newest call year with a rule pack (see `newestPackYear`). */
  year: number;
}

/** The outcome of a registration or an assignment, shown beside the form that caused it. */
type Notice = { form: "register" | "assign"; ok: boolean; text: string } | null;

/** The notice of one form (inside it, so a refusal is read next to the fields to fix). */
function FormNotice({ notice, form }: { notice: Notice; form: "register" | "assign" }) {
  if (!notice || notice.form !== form) return null;
  return (
    <MessageBar intent={notice.ok ? "success" : "error"} role={notice.ok ? "status" : "alert"} layout="multiline">
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/** What the user directory did with the gestor/a's e-mail (AWS), after the sentence: « Se creó la cuenta …». */
function accountText(c: CooperativeAssigned): string {
  return c.gestorAccount ? ` ${c.gestorAccount.message}` : "";
}

/**
 * The AOS's registry in the pane: «Registrar cooperativa» (name, RUT, región, modalidad,
 * convocatoria, gestor/a: `registerCooperative`) and «Asignar gestor/a» (`assignGestor`). The
 * server's Spanish refusals (invalid RUT or e-mail, a name or RUT already registered, an account
 * that cannot be a gestor/a) are shown as they come, inside the form that caused them; in AWS the
 * success says what happened to the gestor/a's account (invited, region added; Entra ID: must exist).
 */
export function RegistryForm({ client, regions, cooperatives, newKey, onChanged, year }: RegistryFormProps) {
  const [name, setName] = useState("");
  const [rut, setRut] = useState("");
  const [region, setRegion] = useState<RegionCode | "">(regions[0] ?? "");
  const [modality, setModality] = useState<Modality>("creacion");
  const [callYear, setCallYear] = useState(String(year));
  const [gestor, setGestor] = useState("");
  const [assignId, setAssignId] = useState("");
  const [assignEmail, setAssignEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function register(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    if (!region) return;
    const problem = emailProblem(gestor);
    if (problem) {
      setNotice({ form: "register", ok: false, text: problem });
      return;
    }
    setBusy(true);
    try {
      const created = await client.registerCooperative(region, {
        name: name.trim(), rut: rut.trim() || null, modality, callYear: Number(callYear), gestorEmail: gestor.trim() || null,
      }, newKey());
      setNotice({ form: "register", ok: true, text: `Se registró «${created.name}» en la región ${REGIONS[created.regionCode].name}${created.gestorEmail ? `, a cargo de ${created.gestorEmail}` : ""}.${accountText(created)}` });
      setName("");
      setRut("");
      setGestor("");
      onChanged();
    } catch (error) {
      setNotice({ form: "register", ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  async function assign(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const problem = emailProblem(assignEmail) ?? (assignEmail.trim() ? null : "Escriba el correo del gestor/a.");
    if (problem) {
      setNotice({ form: "assign", ok: false, text: problem });
      return;
    }
    setBusy(true);
    try {
      const c = await client.assignGestor(assignId, { gestorEmail: assignEmail.trim() });
      setNotice({ form: "assign", ok: true, text: `«${c.name}» queda a cargo de ${c.gestorEmail}.${accountText(c)}` });
      setAssignEmail("");
      onChanged();
    } catch (error) {
      setNotice({ form: "assign", ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="pane-section">
      <summary>Registrar cooperativa o asignar gestor/a</summary>
      <form className="pane-section" onSubmit={(e) => void register(e)} aria-label="Registrar cooperativa" noValidate>
        <h3>Registrar cooperativa</h3>
        <Field label="Nombre" required>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="RUT (si está constituida)">
          <Input value={rut} onChange={(_, d) => setRut(d.value)} placeholder="76.123.456-0" />
        </Field>
        {regions.length > 1 && (
          <Field label="Región">
            <Select value={region} onChange={(_, d) => setRegion(d.value as RegionCode)}>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {REGIONS[r].name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Modalidad">
          <Select value={modality} onChange={(_, d) => setModality(d.value as Modality)}>
            {(Object.keys(MODALITY_LABELS) as Modality[]).map((m) => (
              <option key={m} value={m}>
                {MODALITY_LABELS[m]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Convocatoria (año)">
          <Input type="number" value={callYear} onChange={(_, d) => setCallYear(d.value)} />
        </Field>
        <Field label="Correo del gestor/a (opcional)">
          <Input type="email" value={gestor} onChange={(_, d) => setGestor(d.value)} />
        </Field>
        <div className="pane-actions">
          <Button appearance="primary" type="submit" disabled={busy || !name.trim() || !region}>
            Registrar
          </Button>
        </div>
        <FormNotice notice={notice} form="register" />
      </form>
      {cooperatives.length > 0 && (
        <form className="pane-section" onSubmit={(e) => void assign(e)} aria-label="Asignar gestor/a" noValidate>
          <h3>Asignar gestor/a</h3>
          <Field label="Cooperativa">
            <Select value={assignId} onChange={(_, d) => setAssignId(d.value)}>
              <option value="">Elija una cooperativa</option>
              {cooperatives.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Correo del gestor/a">
            <Input type="email" value={assignEmail} onChange={(_, d) => setAssignEmail(d.value)} />
          </Field>
          <div className="pane-actions">
            <Button type="submit" disabled={busy || !assignId || !assignEmail.trim()}>
              Asignar
            </Button>
          </div>
          <FormNotice notice={notice} form="assign" />
        </form>
      )}
    </details>
  );
}
