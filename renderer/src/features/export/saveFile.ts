import type { ExportFileDto } from '../../../../main/contract/api';

/** The bytes of a file main answered (base64), as the browser holds them. */
export function bytesOf(file: ExportFileDto): Uint8Array<ArrayBuffer> {
  const text = atob(file.contentBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Hands a file to the browser to save: a download under `caselink serve`, the save dialog in the
 * desktop app (Electron asks where to save a download no handler placed). The object URL is
 * revoked once the click has started the download.
 */
export function saveFile(file: ExportFileDto): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A size in words: "812 bytes", "14.2 KB", "3.1 MB". */
export function sizeInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
