using System.Net;
using Stackwise.Web.Hardening;

namespace Stackwise.Web.Tests.Hardening;

/// <summary>The search rate limit counts a client by its IPv4 address or its IPv6 /64, so rotating addresses inside one
/// network does not escape it.</summary>
public sealed class ClientKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:1234:5678:9abc:def0")]
    [InlineData("fe80::1", "fe80::2")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    public void AddressesOfOneClientShareAKey(string first, string second) =>
        Assert.Equal(HardeningServices.ClientKey(IPAddress.Parse(first)), HardeningServices.ClientKey(IPAddress.Parse(second)));

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("192.0.2.7", "192.0.2.8")]
    [InlineData("::1", "127.0.0.1")]
    public void DifferentClientsHaveDifferentKeys(string first, string second) =>
        Assert.NotEqual(HardeningServices.ClientKey(IPAddress.Parse(first)), HardeningServices.ClientKey(IPAddress.Parse(second)));

    [Fact]
    public void EveryAddressOfA64SharesOneKey()
    {
        var random = new Random(64);
        var bytes = IPAddress.Parse("2001:db8:aa:bb::").GetAddressBytes();
        var key = HardeningServices.ClientKey(new IPAddress(bytes));
        for (var i = 0; i < 1000; i++)
        {
            random.NextBytes(bytes.AsSpan(8));
            Assert.Equal(key, HardeningServices.ClientKey(new IPAddress(bytes)));
        }
        Assert.Equal("2001:db8:aa:bb::/64", key);
    }

    [Fact]
    public void UnknownAddressHasAKeyOfItsOwn() => Assert.Equal("unknown", HardeningServices.ClientKey(null));
}
