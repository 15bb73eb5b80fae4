// Types for zh-cn-metadata.cjs (zh-CN custom-function metadata from the translation table).

export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: string };
  [key: string]: unknown;
}

export interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

export interface TranslationEntry {
  /** Localized display name; omitted = the English name. */
  name?: string;
  description: string;
  parameters: Record<string, string>;
}

export interface TranslationTable {
  locale?: string;
  note?: string;
  functions: Record<string, TranslationEntry>;
}

export const TABLE_PATH: string;
export function localizeMetadata(english: Metadata, table: TranslationTable): { metadata: Metadata; errors: string[]; warnings: string[] };
export function checkLocalizedName(name: unknown): string | undefined;
export function readTable(file?: string): TranslationTable;
export class ZhCnMetadataPlugin {
  constructor(options?: { table?: string; input?: string; output?: string });
  apply(compiler: unknown): void;
}
