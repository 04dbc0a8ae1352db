import { download, get, upload } from './http';
import type { ImportBatch, ImportRecord, ImportSummary } from './types';

export function uploadImport(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload<{ batchId: number; summary: ImportSummary }>('/imports', form);
}

export const listImports = () => get<{ batches: ImportBatch[] }>('/imports');

export const listImportRecords = (batchId: number, query: { outcome?: string; limit: number; offset: number }) =>
  get<{ records: ImportRecord[]; total: number }>(`/imports/${batchId}/records`, query);

export const downloadRejections = (batchId: number) =>
  download(`/imports/${batchId}/rejections.xlsx`, undefined, `rejections-${batchId}.xlsx`);
