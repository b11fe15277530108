import { createTestApp, type TestApp } from "./support/app";
import { aosClaims } from "./support/events";

// Registering a cooperative is safe to retry and refuses duplicates in a region: a RUT or a name
// (accents, case and spacing ignored; a parenthetical makes another name) → 409; an
// Idempotency-Key replays the first result.

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});

const register = (region: string, body: Record<string, unknown>, key?: string) =>
  app.call("registerCooperative", {
    params: { code: region }, claims: aosClaims(region),
    headers: key ? { "Idempotency-Key": key } : {},
    body: { modality: "creacion", callYear: 2025, ...body },
  });

const regionItems = async (region: string) =>
  (await app.call("listCooperatives", { params: { code: region }, claims: aosClaims(region) })).body.items as { id: string; name: string }[];

describe("POST /v1/regions/{code}/cooperatives", () => {
  test("the same RUT twice in a region → 409 naming the first cooperative; in another region it is allowed", async () => {
    const first = await register("14", { name: "Cooperativa Lechera del Sur", rut: "76.123.456-0" });
    expect(first.status).toBe(201);
    const again = await register("14", { name: "Cooperativa Lechera Sur (otra)", rut: "76123456-0" });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "DUPLICATE_COOPERATIVE", field: "rut", cooperativeId: first.body.id });
    expect(again.body.detail).toBe(`Ya hay una cooperativa registrada con el RUT 76123456-0 en la región 14 (identificador ${first.body.id}): use esa cooperativa en vez de registrar otra.`);
    const third = await register("14", { name: "Cooperativa Lechera Sur (tercera)", rut: "76.123.456-0" });
    expect(third.status).toBe(409);
    expect(await regionItems("14")).toEqual([expect.objectContaining({ id: first.body.id })]);
    expect((await register("10", { name: "Cooperativa Lechera del Sur", rut: "76.123.456-0" })).status).toBe(201);
  });

  test("the same name (accents, case, spaces) → 409; names that differ in a parenthetical are different cooperatives", async () => {
    const valdivia = await register("16", { name: "Cooperativa Campesina Ñuble (Valdivia)" });
    expect(valdivia.status).toBe(201);
    const osorno = await register("16", { name: "Cooperativa Campesina Ñuble (Osorno)" });
    expect(osorno.status).toBe(201);
    const repeat = await register("16", { name: "  cooperativa   campesina ñuble (valdívia) " });
    expect(repeat.status).toBe(409);
    expect(repeat.body).toMatchObject({ code: "DUPLICATE_COOPERATIVE", field: "name", cooperativeId: valdivia.body.id });
    expect(repeat.body.detail).toContain("distíngalo en el nombre");
    expect((await regionItems("16")).map((c) => c.name).sort()).toEqual(["Cooperativa Campesina Ñuble (Osorno)", "Cooperativa Campesina Ñuble (Valdivia)"]);
  });

  test("retries with the same Idempotency-Key and body return the first cooperative; another body → 422", async () => {
    const body = { name: "Cooperativa Pesquera Caleta Sur", rut: "65.432.109-4", gestorEmail: "g@coop.cl" };
    const first = await register("05", body, "register-caleta-0001");
    expect(first.status).toBe(201);
    const retry = await register("05", body, "register-caleta-0001");
    expect(retry.status).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.body).toEqual(first.body);
    const concurrent = await Promise.all([1, 2, 3].map(() => register("05", { ...body, name: "Cooperativa Pesquera Bahía", rut: null }, "register-bahia-0001")));
    expect(concurrent.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    const other = await register("05", { ...body, name: "Otra Cooperativa" }, "register-caleta-0001");
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "Idempotency-Key" });
    expect((await regionItems("05")).length).toBe(2);
    const badKey = await register("05", { name: "X" }, "corta");
    expect(badKey.status).toBe(400);
    expect(badKey.body.field).toBe("Idempotency-Key");
  });
});
