/** Saves text as a file the browser downloads: a Blob behind an object URL, no network. */
export function saveTextFile(text: string, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  // a link of our own, clicked and removed at once: the download starts from the object URL
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has read the URL by the time this runs
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
