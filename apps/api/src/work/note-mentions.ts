/**
 * "@lena" or "@lena@example.com" in an internal note names a colleague. Handles are matched against the
 * workspace's members by e-mail, by the part of the e-mail before "@", or by the display name without spaces.
 */
const TOKEN = /(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}_+-]+(?:\.[\p{L}\p{N}_+-]+)*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

export function noteHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(TOKEN)) handles.add(match[1]!.toLowerCase());
  return [...handles].slice(0, 50);
}
