// Types for validate-manifest.cjs (offline manifest checks).

export interface ManifestProblem {
  /** Stable machine-readable code, e.g. RESID_DANGLING, ELEMENT_ORDER, URL_ORIGIN, ICON_MISSING. */
  code: string;
  /** Human-readable message, prefixed with "line N: " when the problem has a position. */
  message: string;
  line?: number;
}

export interface ValidateOptions {
  /** Directory the manifest's URLs map to (the URL base's path is stripped). Default: process.cwd(). */
  baseDir?: string;
  /** Also require every non-image URL to map to an existing file under baseDir (use on dist/). */
  checkAllUrls?: boolean;
}

export function validateManifest(xmlText: string, options?: ValidateOptions): ManifestProblem[];
export function formatProblem(problem: ManifestProblem | string): string;
export function summarizeManifest(xmlText: string): string;
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null;
