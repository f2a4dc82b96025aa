import { effectiveAddress, nonPublicKind, numericAddress } from './address-ranges';

describe('address ranges', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['169.254.0.1', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['100.127.255.255', 'a carrier-grade NAT address'],
    ['0.0.0.0', 'an unspecified address'],
    ['0.1.2.3', 'an unspecified address'],
    ['224.0.0.251', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
    ['240.0.0.1', 'a reserved address'],
    ['192.0.0.8', 'a reserved address'],
    ['192.0.2.10', 'a documentation address'],
    ['198.51.100.7', 'a documentation address'],
    ['203.0.113.99', 'a documentation address'],
    ['198.18.0.1', 'a benchmarking address'],
    ['198.19.255.255', 'a benchmarking address'],
    ['::', 'an unspecified address'],
    ['::1', 'a loopback address'],
    ['fc00::1', 'a unique-local address'],
    ['fd12:3456:789a::1', 'a unique-local address'],
    ['fe80::1', 'a link-local address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['febf:ffff::1', 'a link-local address'],
    ['fec0::1', 'a private address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a documentation address'],
    ['3fff::1', 'a documentation address'],
    ['2001:2::1', 'a benchmarking address'],
    ['100::1', 'a reserved address'],
    ['::7f00:1', 'a reserved address'],
    ['64:ff9b:1::1', 'a private address'],
    // IPv6 forms that stand for an IPv4 address are judged by it.
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['::ffff:10.0.0.5', 'a private address'],
    ['::ffff:169.254.169.254', 'a link-local address'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'a link-local address'],
    ['::ffff:0.0.0.0', 'an unspecified address'],
    ['64:ff9b::10.0.0.5', 'a private address'],
    ['64:ff9b::a9fe:a9fe', 'a link-local address'],
    ['2002:7f00:1::1', 'a loopback address'],
    ['2002:c0a8:0101::', 'a private address'],
    ['[::1]', 'a loopback address'],
    ['localhost', 'not an IP address'],
  ])('%s is %s', (address, kind) => {
    expect(nonPublicKind(address)).toBe(kind);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '172.15.255.255',
    '100.128.0.1',
    '169.255.0.1',
    '192.169.0.1',
    '11.0.0.1',
    '2606:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    'fbff::1',
    'fe7f::1',
  ])('%s is public', (address) => {
    expect(nonPublicKind(address)).toBeNull();
  });

  it('reads IPv6 text in every spelling to the same number', () => {
    const full = numericAddress('0000:0000:0000:0000:0000:ffff:7f00:0001');
    expect(numericAddress('::ffff:127.0.0.1')).toEqual(full);
    expect(numericAddress('::FFFF:7F00:1')).toEqual(full);
    expect(numericAddress('1::')?.value).toBe(1n << 112n);
    expect(numericAddress('not-an-address')).toBeNull();
  });

  it('turns an IPv4-mapped address into its IPv4 address', () => {
    expect(effectiveAddress(numericAddress('::ffff:10.1.2.3')!)).toEqual(numericAddress('10.1.2.3'));
    expect(effectiveAddress(numericAddress('2001:db8::1')!)).toEqual(numericAddress('2001:db8::1'));
  });
});
