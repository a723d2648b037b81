import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { SqlExecutor } from "../../src/store/sql-executor.js";

/**
 * Compares prisma/schema.prisma (parsed by Prisma's own schema wasm) with a migrated database:
 * tables, columns, types, nullability, defaults, enums, indexes and foreign keys. Our migrations
 * are hand-written SQL, so this is what stands in for `prisma migrate diff` on machines without
 * Prisma's schema engine. Returns human-readable differences; empty means no drift.
 */

interface DmmfField {
  name: string;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  dbName?: string | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string; operatorClass?: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: DmmfIndex[];
  };
}

export function readDmmf(schemaPath: string): { dmmf: Dmmf; unsupported: Map<string, Map<string, string>> } {
  const schema = readFileSync(schemaPath, "utf8");
  const wasm = createRequire(import.meta.url)("@prisma/prisma-schema-wasm") as {
    get_dmmf(params: string): string;
  };
  const dmmf = JSON.parse(
    wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })),
  ) as Dmmf;
  // Unsupported("…") fields are absent from the DMMF; read them from the source text.
  const unsupported = new Map<string, Map<string, string>>();
  for (const block of schema.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const fields = new Map<string, string>();
    for (const m of (block[2] ?? "").matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)/gm))
      fields.set(m[1] ?? "", m[2] ?? "");
    unsupported.set(block[1] ?? "", fields);
  }
  return { dmmf, unsupported };
}

function expectedSqlType(field: DmmfField): string {
  if (field.kind === "enum") return field.type;
  const native = field.nativeType?.[0];
  if (native === "Uuid") return "uuid";
  switch (field.type) {
    case "String":
      return "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Boolean":
      return "boolean";
    case "Float":
      return "double precision";
    case "Json":
      return "jsonb";
    case "Bytes":
      return "bytea";
    case "DateTime":
      if (native === "Date") return "date";
      return native === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone";
    default:
      return field.type;
  }
}

const onDeleteSql: Record<string, string> = {
  Cascade: "c",
  SetNull: "n",
  Restrict: "r",
  NoAction: "a",
  SetDefault: "d",
};

export async function schemaDrift(db: Pick<SqlExecutor, "query">, schemaPath: string): Promise<string[]> {
  const { dmmf, unsupported } = readDmmf(schemaPath);
  const problems: string[] = [];
  const columns = await db.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    udt_name: string;
    is_nullable: string;
    column_default: string | null;
  }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const tables = new Set(columns.map((c) => c.table_name));
  const modelTables = new Set(dmmf.datamodel.models.map((m) => m.dbName ?? m.name));
  for (const table of tables) {
    if (table !== "_prisma_migrations" && !modelTables.has(table))
      problems.push(`table ${table} is in the database but not in schema.prisma`);
  }

  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    if (!tables.has(table)) {
      problems.push(`model ${model.name}: table ${table} is missing`);
      continue;
    }
    const dbColumns = new Map(columns.filter((c) => c.table_name === table).map((c) => [c.column_name, c]));
    const expected = new Set<string>();
    for (const field of model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum")) {
      const name = field.dbName ?? field.name;
      expected.add(name);
      const col = dbColumns.get(name);
      if (!col) {
        problems.push(`${table}.${name} is missing`);
        continue;
      }
      const actualType =
        col.data_type === "ARRAY"
          ? col.udt_name.replace(/^_/, "")
          : col.data_type === "USER-DEFINED"
            ? col.udt_name
            : col.data_type;
      const wantType = expectedSqlType(field);
      const wantArrayUdt = field.isList
        ? (({ text: "text", integer: "int4", uuid: "uuid" } as Record<string, string>)[wantType] ?? wantType)
        : wantType;
      if ((field.isList && col.data_type !== "ARRAY") || (!field.isList && col.data_type === "ARRAY")) {
        problems.push(`${table}.${name}: list-ness differs`);
      } else if (actualType !== wantArrayUdt) {
        problems.push(`${table}.${name}: type ${actualType}, schema says ${wantType}`);
      }
      // Prisma leaves scalar lists nullable; everything else follows `?`.
      const wantNullable = field.isList ? true : !field.isRequired;
      if ((col.is_nullable === "YES") !== wantNullable)
        problems.push(`${table}.${name}: nullability differs`);
      const clientSideDefault =
        typeof field.default === "object" &&
        field.default !== null &&
        "name" in field.default &&
        (field.default as { name: string }).name === "uuid";
      const wantDbDefault = field.hasDefaultValue && !clientSideDefault;
      if (wantDbDefault !== (col.column_default !== null))
        problems.push(
          `${table}.${name}: default ${col.column_default ?? "none"} vs schema ${wantDbDefault ? "has one" : "none"}`,
        );
    }
    for (const [name, type] of unsupported.get(model.name) ?? []) {
      expected.add(name);
      const col = dbColumns.get(name);
      if (!col) problems.push(`${table}.${name} (Unsupported ${type}) is missing`);
      else if (col.udt_name !== type)
        problems.push(`${table}.${name}: type ${col.udt_name}, schema says ${type}`);
    }
    for (const name of dbColumns.keys())
      if (!expected.has(name)) problems.push(`${table}.${name} is in the database but not in schema.prisma`);
  }

  const enums = await db.query<{ typname: string; labels: string[] }>(
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  const dbEnums = new Map(enums.map((e) => [e.typname, e.labels]));
  for (const en of dmmf.datamodel.enums) {
    const labels = dbEnums.get(en.name);
    const want = en.values.map((v) => v.name);
    if (!labels) problems.push(`enum ${en.name} is missing`);
    else if (labels.join(",") !== want.join(","))
      problems.push(`enum ${en.name}: database has ${labels.join(",")}, schema ${want.join(",")}`);
    dbEnums.delete(en.name);
  }
  for (const name of dbEnums.keys())
    problems.push(`enum ${name} is in the database but not in schema.prisma`);

  const indexes = await db.query<{ tablename: string; indexname: string; indexdef: string }>(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const dbIndexes = new Map(indexes.map((i) => [i.indexname, i]));
  for (const index of dmmf.datamodel.indexes) {
    const model = dmmf.datamodel.models.find((m) => m.name === index.model);
    const table = model?.dbName ?? index.model;
    const cols = index.fields.map((f) => f.name);
    const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
    const name =
      index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`);
    const found = dbIndexes.get(name);
    if (!found) {
      problems.push(`index ${name} (${index.type} on ${table}(${cols.join(", ")})) is missing`);
      continue;
    }
    dbIndexes.delete(name);
    const def = found.indexdef;
    const isUnique = /CREATE UNIQUE INDEX/.test(def);
    if (isUnique !== (index.type !== "normal")) problems.push(`index ${name}: uniqueness differs`);
    const method = /USING (\w+)/.exec(def)?.[1] ?? "btree";
    if (method.toLowerCase() !== (index.algorithm ?? "btree").toLowerCase())
      problems.push(`index ${name}: method ${method}, schema ${index.algorithm ?? "BTree"}`);
    const defCols = (/\((.*)\)\s*$/.exec(def)?.[1] ?? "").split(",").map((c) => c.trim().replace(/"/g, ""));
    const wantCols = index.fields.map((f) => (f.operatorClass ? `${f.name} ${f.operatorClass}` : f.name));
    if (defCols.join(",") !== wantCols.join(","))
      problems.push(`index ${name}: columns (${defCols.join(", ")}), schema (${wantCols.join(", ")})`);
  }
  for (const name of dbIndexes.keys())
    problems.push(`index ${name} is in the database but not in schema.prisma`);

  const fks = await db.query<{
    conname: string;
    table: string;
    cols: string[];
    reftable: string;
    confdeltype: string;
  }>(
    `SELECT c.conname, cl.relname AS table, rf.relname AS reftable, c.confdeltype::text AS confdeltype,
            array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k)::text[] AS cols
       FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rf ON rf.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const dbFks = new Map(fks.map((f) => [f.conname, f]));
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    for (const field of model.fields.filter(
      (f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0,
    )) {
      const from = field.relationFromFields ?? [];
      const name = `${table}_${from.join("_")}_fkey`;
      const fk = dbFks.get(name);
      if (!fk) {
        problems.push(`foreign key ${name} is missing`);
        continue;
      }
      dbFks.delete(name);
      const target = dmmf.datamodel.models.find((m) => m.name === field.type);
      if (fk.reftable !== (target?.dbName ?? field.type))
        problems.push(`foreign key ${name}: references ${fk.reftable}`);
      const wantDelete = onDeleteSql[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
      if (fk.confdeltype !== wantDelete)
        problems.push(
          `foreign key ${name}: on delete ${fk.confdeltype}, schema ${field.relationOnDelete ?? "default"}`,
        );
    }
  }
  for (const name of dbFks.keys())
    problems.push(`foreign key ${name} is in the database but not in schema.prisma`);
  return problems;
}
