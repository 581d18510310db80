import type { ChosenFile } from '../../store';

/** A browser File as the store takes it: its bytes are read as base64 only when staged. */
export function chosenFile(file: File): ChosenFile {
  return { name: file.name, size: file.size, read: () => readAsBase64(file) };
}

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      // A data URL: `data:<type>;base64,<bytes>`.
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** A small text file (a profile), read as UTF-8. */
export function readAsText(file: Blob): Promise<string> {
  return file.text();
}
