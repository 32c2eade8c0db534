import { describe, expect, it } from 'vitest';
import { allowedTypeFor, extensionOf, sniffFormat } from './formats';
import * as fx from './test-files';

describe('sniffFormat', () => {
  it('recognises each accepted format from its leading bytes', () => {
    expect(sniffFormat(fx.JPEG)).toBe('jpeg');
    expect(sniffFormat(fx.PNG)).toBe('png');
    expect(sniffFormat(fx.GIF)).toBe('gif');
    expect(sniffFormat(fx.WEBP)).toBe('webp');
    expect(sniffFormat(fx.PDF)).toBe('pdf');
    expect(sniffFormat(fx.MP4)).toBe('mp4');
    expect(sniffFormat(fx.CFB)).toBe('cfb');
    expect(sniffFormat(fx.DOCX)).toBe('docx');
    expect(sniffFormat(fx.XLSX)).toBe('xlsx');
    expect(sniffFormat(fx.TEXT_UTF8)).toBe('text');
    expect(sniffFormat(fx.TEXT_UTF16)).toBe('text');
    expect(sniffFormat(fx.TEXT_GBK)).toBe('text');
    expect(sniffFormat(fx.TEXT_UTF8.slice(0, 4))).toBe('text');
  });

  it('tells a bare ZIP from an Office package and refuses binaries it does not know', () => {
    expect(sniffFormat(fx.ZIP)).toBe('zip');
    expect(sniffFormat(fx.EXE)).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });

  it('does not take a truncated signature for the real thing', () => {
    expect(sniffFormat(fx.PNG.slice(0, 4))).not.toBe('png');
    expect(sniffFormat(fx.WEBP.slice(0, 10))).not.toBe('webp');
    expect(sniffFormat(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});

describe('extensions', () => {
  it('reads the last extension in lower case and ignores dot-files and folders', () => {
    expect(extensionOf('现场照片.JPG')).toBe('jpg');
    expect(extensionOf('报告.final.docx')).toBe('docx');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('no-extension')).toBe('');
    expect(extensionOf('C:\\a.b\\photo')).toBe('');
  });

  it('allows photos, PDF, MP4, Word, Excel and text, and nothing else', () => {
    for (const ext of [
      'jpg',
      'jpeg',
      'png',
      'webp',
      'gif',
      'pdf',
      'mp4',
      'doc',
      'docx',
      'xls',
      'xlsx',
      'txt',
    ]) {
      expect(allowedTypeFor(ext), ext).toBeDefined();
    }
    for (const ext of ['exe', 'js', 'html', 'svg', 'zip', 'mov', ''])
      expect(allowedTypeFor(ext), ext).toBeUndefined();
  });
});
