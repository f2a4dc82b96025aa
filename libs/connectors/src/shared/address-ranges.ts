/**
 * Which IP addresses are not the public internet: loopback, private (RFC 1918), link-local (cloud metadata at
 * 169.254.169.254), unique-local, CGNAT, multicast, unspecified, documentation and benchmarking ranges, and
 * IPv6 forms that carry one of those IPv4 addresses (mapped, NAT64, 6to4). The outbound guard refuses them, so
 * an admin-configured URL cannot make a worker call into the deployment's own network. Pure: no DNS, no I/O.
 */
import { isIP } from 'node:net';
import type { CidrRange } from '@otklik/config';

/** An address or a range as numbers: IPv4 in 32 bits, IPv6 in 128. */
export interface NumericRange {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

interface NamedRange extends NumericRange {
  /** Reads after "is" / "resolves to": "a loopback address". */
  description: string;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint {
  let address = text.split('%')[0] ?? '';
  const tail = address.slice(address.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    const v4 = ipv4Value(tail);
    address = `${address.slice(0, address.length - tail.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : new Array<string>(8 - headGroups.length - restGroups.length).fill('0');
  return [...headGroups, ...zeros, ...restGroups].reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** An address as a number with its family; null when the text is not an IP address. */
export function numericAddress(text: string): { family: 4 | 6; value: bigint } | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const family = isIP(bare);
  if (family === 4) return { family, value: ipv4Value(bare) };
  if (family === 6) return { family, value: ipv6Value(bare) };
  return null;
}

export function numericRange(range: CidrRange): NumericRange {
  const bits = range.family === 4 ? 32 : 128;
  const value = numericAddress(range.address)?.value ?? 0n;
  const hostBits = BigInt(bits - range.prefix);
  return { family: range.family, base: (value >> hostBits) << hostBits, prefix: range.prefix };
}

export function rangeContains(range: NumericRange, address: { family: 4 | 6; value: bigint }): boolean {
  if (range.family !== address.family) return false;
  const hostBits = BigInt((range.family === 4 ? 32 : 128) - range.prefix);
  return address.value >> hostBits === range.base >> hostBits;
}

function named(cidr: string, description: string): NamedRange {
  const [address = '', prefix = ''] = cidr.split('/');
  const family = isIP(address) as 4 | 6;
  return { ...numericRange({ address, family, prefix: Number(prefix) }), description };
}

const LOOPBACK = 'a loopback address';
const PRIVATE = 'a private address';
const LINK_LOCAL = 'a link-local address';
const DOCUMENTATION = 'a documentation address';
const BENCHMARKING = 'a benchmarking address';
const RESERVED = 'a reserved address';
const MULTICAST = 'a multicast address';
const UNSPECIFIED = 'an unspecified address';

/** Most specific first where ranges nest (::1 inside ::/96). */
const NOT_PUBLIC: readonly NamedRange[] = [
  named('0.0.0.0/8', UNSPECIFIED),
  named('10.0.0.0/8', PRIVATE),
  named('100.64.0.0/10', 'a carrier-grade NAT address'),
  named('127.0.0.0/8', LOOPBACK),
  named('169.254.0.0/16', LINK_LOCAL),
  named('172.16.0.0/12', PRIVATE),
  named('192.0.0.0/24', RESERVED),
  named('192.0.2.0/24', DOCUMENTATION),
  named('192.88.99.0/24', RESERVED),
  named('192.168.0.0/16', PRIVATE),
  named('198.18.0.0/15', BENCHMARKING),
  named('198.51.100.0/24', DOCUMENTATION),
  named('203.0.113.0/24', DOCUMENTATION),
  named('224.0.0.0/4', MULTICAST),
  named('240.0.0.0/4', RESERVED),
  named('::/128', UNSPECIFIED),
  named('::1/128', LOOPBACK),
  named('::/96', RESERVED),
  named('64:ff9b:1::/48', PRIVATE),
  named('100::/64', RESERVED),
  named('2001:2::/48', BENCHMARKING),
  named('2001:db8::/32', DOCUMENTATION),
  named('3fff::/20', DOCUMENTATION),
  named('fc00::/7', 'a unique-local address'),
  named('fe80::/10', LINK_LOCAL),
  named('fec0::/10', PRIVATE),
  named('ff00::/8', MULTICAST),
];

/** IPv6 ranges whose addresses stand for an IPv4 address, and where in the 128 bits it sits. */
const CARRIES_IPV4: readonly { range: NumericRange; shift: bigint }[] = [
  { range: named('::ffff:0:0/96', ''), shift: 0n },
  { range: named('64:ff9b::/96', ''), shift: 0n },
  { range: named('2002::/16', ''), shift: 80n },
];

/** The IPv4 address an IPv6 address stands for (`::ffff:10.0.0.1` → 10.0.0.1), else the address itself. */
export function effectiveAddress(address: { family: 4 | 6; value: bigint }): { family: 4 | 6; value: bigint } {
  if (address.family === 6) {
    for (const { range, shift } of CARRIES_IPV4) {
      if (rangeContains(range, address)) return { family: 4, value: (address.value >> shift) & 0xffffffffn };
    }
  }
  return address;
}

/**
 * "a private address" and the like when the address is not on the public internet (or is not an address),
 * null when it is public. IPv6 forms of an IPv4 address are judged by that IPv4 address.
 */
export function nonPublicKind(text: string): string | null {
  const parsed = numericAddress(text);
  if (!parsed) return 'not an IP address';
  const address = effectiveAddress(parsed);
  return NOT_PUBLIC.find((range) => rangeContains(range, address))?.description ?? null;
}
