import { createHash } from 'node:crypto';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import type { Sealer } from '../../platform/crypto/sealer.js';
import { AppError } from '../../platform/errors.js';
import type { Staff } from './case-actor.js';
import { EVIDENCE_KINDS, type EvidenceKind, statusAfter } from './case-rules.js';
import { itemInScope, recordStep, requireAssignee, requireStep } from './case-steps.js';
import * as repo from './evidence.repository.js';
import { newStoredName, readEvidenceFile, removeEvidenceFile, writeEvidenceFile } from './evidence-files.js';
import { EVIDENCE_MEDIA_TYPES, MAX_EVIDENCE_BYTES, mediaTypeOf } from './evidence-type.js';

export interface EvidenceView {
  id: number;
  kind: EvidenceKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** The AAD binds a file to its item and its name: a file moved or swapped does not open. */
const fileAad = (itemNo: string, storedName: string) => `evidence:${itemNo}:${storedName}`;
const nameAad = (itemNo: string) => `evidence-name:${itemNo}`;

/** Only the name itself: a browser may send a whole path. */
function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return (name === '' ? 'evidence' : name).slice(0, 200);
}

const sha256Of = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

function viewOf(deps: Deps, row: Awaited<ReturnType<typeof repo.evidenceOf>>[number]): EvidenceView {
  return {
    id: row.id,
    kind: row.kind as EvidenceKind,
    fileName: deps.sealer.open<string>(row.name_sealed, nameAad(row.item_no)),
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

export async function evidenceViews(deps: Deps, itemNo: string): Promise<EvidenceView[]> {
  return (await repo.evidenceOf(deps.db.kysely, itemNo)).map((row) => viewOf(deps, row));
}

/** Whether the caller may attach evidence to the item now: checked before the upload is read. */
export async function assertMayUpload(deps: Deps, staff: Staff, itemNo: string) {
  const item = await itemInScope(deps.db.kysely, staff, itemNo);
  requireAssignee(staff, item);
  requireStep('work', item);
  return item;
}

/**
 * The assignee attaches evidence (P5.13): a PDF, JPEG or PNG by its content, at most 10 MiB,
 * sealed on disk under a random name with the SHA-256 of what was sent. The very same file of
 * the same kind again is refused. The file is written first and removed again if its row cannot
 * be stored.
 */
export async function uploadEvidence(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  upload: { kind: EvidenceKind; fileName: string; content: Buffer },
): Promise<{ evidence: EvidenceView }> {
  const item = await assertMayUpload(deps, staff, itemNo);
  if (upload.content.length > MAX_EVIDENCE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {
      zh: '材料文件不得超过 10 MiB',
      en: 'an evidence file may be at most 10 MiB',
    });
  }
  const mediaType = mediaTypeOf(upload.content);
  if (!mediaType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      zh: '只接受 PDF、JPEG、PNG 文件（按文件内容判断，不看文件名）',
      en: 'only PDF, JPEG and PNG files are accepted (told by the content, not the name)',
    });
  }
  const storedName = newStoredName();
  const sha256 = sha256Of(upload.content);
  await writeEvidenceFile(deps.config, storedName, deps.sealer.sealBytes(upload.content, fileAad(itemNo, storedName)));
  try {
    const id = await deps.db.kysely.transaction().execute(async (trx) => {
      // The step first: it holds the item's row, so the same file sent twice at once is seen below.
      await recordStep(deps, trx, staff, item, {
        action: 'evidence_uploaded',
        toStatus: statusAfter('work', 'investigating'),
        note: upload.kind,
      });
      if (await repo.hasSameEvidence(trx, itemNo, upload.kind, sha256)) {
        const kind = EVIDENCE_KINDS[upload.kind];
        throw new AppError(
          'CONFLICT',
          {
            zh: `问题件 ${itemNo} 已有这份${kind.zh}（SHA-256 相同），没有重复保存`,
            en: `problem item ${itemNo} already has this very file as its ${kind.en} (same SHA-256); nothing was stored`,
          },
          { details: ['DUPLICATE_EVIDENCE'] },
        );
      }
      const evidenceId = await repo.insertEvidence(trx, {
        item_no: itemNo,
        kind: upload.kind,
        media_type: mediaType,
        size: upload.content.length,
        sha256,
        stored_name: storedName,
        name_sealed: deps.sealer.seal(baseName(upload.fileName), nameAad(itemNo)),
        uploaded_by: staff.username,
        uploaded_by_id: staff.userId,
        uploaded_at: deps.clock.now().toISOString(),
      });
      await deps.audit.append(trx, context, [
        {
          type: 'evidence.uploaded',
          objectType: 'item',
          objectId: itemNo,
          data: { evidenceId, kind: upload.kind, mediaType, size: upload.content.length, sha256 },
        },
      ]);
      return evidenceId;
    });
    const row = await repo.findEvidence(deps.db.kysely, itemNo, id);
    if (!row) throw new AppError('INTERNAL', { zh: '材料记录丢失', en: 'the evidence row is missing' });
    return { evidence: viewOf(deps, row) };
  } catch (error) {
    await removeEvidenceFile(deps.config, storedName);
    throw error;
  }
}

/**
 * An evidence file for those who may see the item (its data scope, P5.21): checked against its
 * SHA-256, and the download is audited.
 */
export async function downloadEvidence(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  evidenceId: number,
): Promise<{ content: Buffer; mediaType: string; fileName: string; downloadName: string }> {
  await itemInScope(deps.db.kysely, staff, itemNo);
  const row = await repo.findEvidence(deps.db.kysely, itemNo, evidenceId);
  if (!row) {
    throw new AppError('NOT_FOUND', {
      zh: `问题件 ${itemNo} 没有编号为 ${evidenceId} 的材料`,
      en: `problem item ${itemNo} has no evidence ${evidenceId}`,
    });
  }
  const sealed = await readEvidenceFile(deps.config, row.stored_name);
  const content = deps.sealer.openBytes(sealed, fileAad(itemNo, row.stored_name));
  if (sha256Of(content) !== row.sha256) {
    throw new AppError('INTERNAL', {
      zh: '材料文件与登记的 SHA-256 不符，请联系运维',
      en: 'the evidence file does not match its recorded SHA-256; tell IT operations',
    });
  }
  await deps.db.kysely
    .transaction()
    .execute((trx) =>
      deps.audit.append(trx, context, [
        { type: 'evidence.downloaded', objectType: 'item', objectId: itemNo, data: { evidenceId } },
      ]),
    );
  const view = viewOf(deps, row);
  const extension = EVIDENCE_MEDIA_TYPES[row.media_type as keyof typeof EVIDENCE_MEDIA_TYPES]?.extension ?? 'bin';
  return {
    content,
    mediaType: row.media_type,
    fileName: view.fileName,
    downloadName: `${itemNo}-evidence-${evidenceId}.${extension}`,
  };
}

/**
 * Key rotation for the evidence files (`keys rotate`): each file not sealed with the active key is
 * opened and sealed again, replaced whole on disk. Returns how many were resealed.
 */
export async function resealEvidenceFiles(deps: Pick<Deps, 'db' | 'config'>, sealer: Sealer): Promise<number> {
  let resealed = 0;
  for (let after = 0; ; ) {
    const rows = await repo.pageOfEvidence(deps.db.kysely, after, 500);
    for (const row of rows) {
      const sealed = await readEvidenceFile(deps.config, row.stored_name);
      if (sealer.keyIdOf(sealed) === sealer.activeKeyId) continue;
      const aad = fileAad(row.item_no, row.stored_name);
      await writeEvidenceFile(deps.config, row.stored_name, sealer.sealBytes(sealer.openBytes(sealed, aad), aad));
      resealed += 1;
    }
    if (rows.length < 500) return resealed;
    after = rows[rows.length - 1]?.id ?? after;
  }
}
