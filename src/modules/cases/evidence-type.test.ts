import { describe, expect, it } from 'vitest';
import { mediaTypeOf } from './evidence-type.js';

describe('the type of an evidence file, by its content', () => {
  it('knows PDF, JPEG and PNG by their first bytes, and nothing else', () => {
    expect(mediaTypeOf(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(mediaTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0]))).toBe('image/jpeg');
    expect(mediaTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(mediaTypeOf(Buffer.from('%PDF'))).toBeUndefined();
    expect(mediaTypeOf(Buffer.from('<html><script>'))).toBeUndefined();
    expect(mediaTypeOf(Buffer.from('GIF89a'))).toBeUndefined();
    expect(mediaTypeOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined();
    expect(mediaTypeOf(Buffer.alloc(0))).toBeUndefined();
  });
});
