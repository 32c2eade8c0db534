/** The MIME types of the files GridDesk hands to the browser to save. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_TYPE = 'application/zip';
export const GPX_TYPE = 'application/gpx+xml';

/**
 * Hands `bytes` to the browser to save as `name` (in Electron, the download goes through the main
 * process's save handling); the object URL is released a minute later, long after the save began.
 */
export function saveBytes(bytes: Uint8Array, name: string, type = ''): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], type === '' ? {} : { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
