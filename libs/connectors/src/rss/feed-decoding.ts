import iconv from 'iconv-lite';

/**
 * Feeds are bytes in a declared charset: the HTTP `Content-Type` charset wins (RFC 7303), then the XML
 * declaration, then a BOM, then UTF-8. Russian sites still serve windows-1251 and koi8-r, which Node's
 * own decoders do not know, hence iconv-lite. An unknown charset name falls back to UTF-8 rather than
 * failing the source for a typo in someone else's server config.
 */
export function declaredCharset(contentType: string | null, bytes: Buffer): string {
  const fromHeader = contentType ? /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] : undefined;
  if (fromHeader) return fromHeader.toLowerCase();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // The declaration is ASCII in every charset a feed uses, so latin1 reads it safely.
  const head = bytes.subarray(0, 512).toString('latin1');
  const fromProlog = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  return (fromProlog ?? 'utf-8').toLowerCase();
}

export function decodeFeed(contentType: string | null, bytes: Buffer): { text: string; charset: string } {
  const charset = declaredCharset(contentType, bytes);
  const usable = iconv.encodingExists(charset) ? charset : 'utf-8';
  return { text: iconv.decode(bytes, usable), charset: usable };
}
