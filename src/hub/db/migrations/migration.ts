// The shape of one forward-only schema migration.

export interface Migration {
  /** 1, 2, 3… with no gaps; never renumber or edit one that has shipped. */
  version: number;
  /** kebab-case, for people reading schema_migrations. */
  name: string;
  /** One or more statements, run in the migration transaction. */
  sql: string;
}
