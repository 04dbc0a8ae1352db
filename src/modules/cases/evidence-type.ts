/**
 * The evidence types allowed, told by the file's first bytes (its magic number), never by the name
 * or the type the browser declared: a script renamed `.pdf` is refused.
 */
export const EVIDENCE_MEDIA_TYPES = {
  'application/pdf': { extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  'image/jpeg': { extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'image/png': { extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;
export type EvidenceMediaType = keyof typeof EVIDENCE_MEDIA_TYPES;

/** P5.13 evidence files: at most 10 MiB each. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export function mediaTypeOf(content: Uint8Array): EvidenceMediaType | undefined {
  for (const [type, { magic }] of Object.entries(EVIDENCE_MEDIA_TYPES)) {
    if (content.length >= magic.length && magic.every((byte, i) => content[i] === byte)) {
      return type as EvidenceMediaType;
    }
  }
  return undefined;
}
