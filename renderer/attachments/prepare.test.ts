import { describe, expect, it } from 'vitest';
import { cleanFileName, DEFAULT_ATTACHMENT_LIMITS } from './limits';
import { prepareAttachment, prepareAttachments } from './prepare';
import type { Thumbnailer } from './thumbnail';
import * as fx from './test-files';

const MB = 1024 * 1024;

describe('prepareAttachment', () => {
  it('accepts a PDF and types its blob from the allowed-type table, not the browser guess', async () => {
    const result = await prepareAttachment(
      fx.fileOf('整改通知书.pdf', fx.PDF, 1000, 'application/octet-stream'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const a = result.attachment;
    expect([a.name, a.type, a.kind, a.size, a.thumbnail]).toEqual([
      '整改通知书.pdf',
      'application/pdf',
      'pdf',
      1000,
      null,
    ]);
    expect(a.blob.type).toBe('application/pdf');
    expect(a.blob.size).toBe(1000);
    expect(new Uint8Array(await a.blob.slice(0, fx.PDF.length).arrayBuffer())).toEqual(fx.PDF);
  });

  it('accepts each allowed type whose bytes match its extension', async () => {
    const cases: [string, Uint8Array<ArrayBuffer>, string][] = [
      ['a.jpg', fx.JPEG, 'image/jpeg'],
      ['a.jpeg', fx.JPEG, 'image/jpeg'],
      ['a.png', fx.PNG, 'image/png'],
      ['a.gif', fx.GIF, 'image/gif'],
      ['a.webp', fx.WEBP, 'image/webp'],
      ['a.mp4', fx.MP4, 'video/mp4'],
      ['a.doc', fx.CFB, 'application/msword'],
      ['a.xls', fx.CFB, 'application/vnd.ms-excel'],
      ['a.docx', fx.DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['a.xlsx', fx.XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['a.txt', fx.TEXT_UTF8, 'text/plain'],
      ['a.txt', fx.TEXT_UTF16, 'text/plain'],
    ];
    for (const [name, head, mime] of cases) {
      const result = await prepareAttachment(fx.fileOf(name, head));
      expect(result.ok && result.attachment.type, name).toBe(mime);
    }
  });

  it('refuses a file whose bytes are not what its extension claims', async () => {
    const cases: [string, Uint8Array<ArrayBuffer>][] = [
      ['photo.jpg', fx.PNG],
      ['photo.jpg', fx.EXE],
      ['photo.png', fx.TEXT_UTF8],
      ['report.pdf', fx.JPEG],
      ['clip.mp4', fx.GIF],
      ['minutes.docx', fx.XLSX],
      ['table.xlsx', fx.DOCX],
      ['table.xlsx', fx.ZIP],
      ['notes.txt', fx.EXE],
      ['notes.txt', fx.JPEG],
    ];
    for (const [name, head] of cases) {
      const result = await prepareAttachment(fx.fileOf(name, head));
      expect(result.ok ? null : result.refusal, `${name} ${head[0]}`).toEqual({
        key: 'attachment.contentMismatch',
        params: { name, ext: name.split('.').pop() },
      });
    }
  });

  it('refuses types not on the list, whatever the content', async () => {
    const result = await prepareAttachment(fx.fileOf('setup.exe', fx.EXE));
    expect(result.ok ? null : result.refusal).toEqual({
      key: 'attachment.typeNotAllowed',
      params: { name: 'setup.exe', ext: 'exe' },
    });
    const svg = await prepareAttachment(fx.fileOf('map.svg', fx.TEXT_UTF8));
    expect(svg.ok ? null : svg.refusal.key).toBe('attachment.typeNotAllowed');
  });

  it('refuses an empty file', async () => {
    const result = await prepareAttachment(new File([], '空白.txt'));
    expect(result.ok ? null : result.refusal.key).toBe('attachment.empty');
  });

  it('refuses a file over 20 MB by default and honours a configured limit', async () => {
    expect(DEFAULT_ATTACHMENT_LIMITS.maxFileBytes).toBe(20 * MB);
    const big = fx.fileOf('clip.mp4', fx.MP4, 20 * MB + 1);
    const refused = await prepareAttachment(big);
    expect(refused.ok ? null : refused.refusal).toEqual({
      key: 'attachment.tooLarge',
      params: { name: 'clip.mp4', sizeMb: 20, maxMb: 20 },
    });
    expect((await prepareAttachment(fx.fileOf('clip.mp4', fx.MP4, 20 * MB))).ok).toBe(true);
    const tight = await prepareAttachment(fx.fileOf('a.pdf', fx.PDF, 2000), {
      limits: { maxFileBytes: 1000 },
    });
    expect(tight.ok ? null : tight.refusal.key).toBe('attachment.tooLarge');
  });

  it('refuses a file that would take the case over 100 MB', async () => {
    expect(DEFAULT_ATTACHMENT_LIMITS.maxCaseBytes).toBe(100 * MB);
    const file = fx.fileOf('clip.mp4', fx.MP4, 15 * MB);
    expect((await prepareAttachment(file, { caseBytesUsed: 85 * MB })).ok).toBe(true);
    const over = await prepareAttachment(file, { caseBytesUsed: 85 * MB + 1 });
    expect(over.ok ? null : over.refusal).toEqual({
      key: 'attachment.caseFull',
      params: { name: 'clip.mp4', usedMb: 85, maxMb: 100, freeMb: 15 },
    });
  });

  it('makes a thumbnail for images only, with the thumbnailer it is given', async () => {
    const seen: string[] = [];
    const thumbnailer: Thumbnailer = async (image) => {
      seen.push(image.type);
      return { thumbnail: new Blob(['thumb'], { type: 'image/jpeg' }), width: 4032, height: 3024 };
    };
    const photo = await prepareAttachment(fx.fileOf('现场.png', fx.PNG), { thumbnailer });
    expect(
      photo.ok && [photo.attachment.width, photo.attachment.height, photo.attachment.thumbnail?.type],
    ).toEqual([4032, 3024, 'image/jpeg']);
    await prepareAttachment(fx.fileOf('a.pdf', fx.PDF), { thumbnailer });
    expect(seen).toEqual(['image/png']);
  });

  it('keeps an image it cannot thumbnail (no createImageBitmap in Node) without a thumbnail', async () => {
    const result = await prepareAttachment(fx.fileOf('现场.jpg', fx.JPEG));
    expect(result.ok && result.attachment.thumbnail).toBeNull();
  });
});

describe('prepareAttachments', () => {
  it('counts each accepted file towards the case total and refuses what no longer fits', async () => {
    const clips = [1, 2, 3, 4, 5, 6].map((i) => fx.fileOf(`clip${i}.mp4`, fx.MP4, 18 * MB));
    const results = await prepareAttachments(
      [...clips.slice(0, 2), fx.fileOf('bad.exe', fx.EXE), ...clips.slice(2)],
      {
        caseBytesUsed: 5 * MB,
      },
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.refusal.key))).toEqual([
      'ok',
      'ok',
      'attachment.typeNotAllowed',
      'ok',
      'ok',
      'ok',
      'attachment.caseFull',
    ]);
  });
});

describe('cleanFileName', () => {
  it('drops folders and control characters and keeps the extension when shortening', () => {
    expect(cleanFileName('C:\\Users\\王丽\\现场照片.jpg')).toBe('现场照片.jpg');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('a\u0000b\u001f.pdf')).toBe('ab.pdf');
    expect(cleanFileName('   ')).toBe('附件');
    const long = cleanFileName(`${'照'.repeat(300)}.docx`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith('.docx')).toBe(true);
  });
});
