using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Calendar;

/// <summary>
/// A portal user's secret calendar address. Only a hash of the token is kept, so the address is shown once, when it is
/// made; making a new one or turning it off ends the old one at once.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed(string userId, string tokenHash, DateTimeOffset createdAt) =>
        (UserId, TokenHash, CreatedAt) = (userId, tokenHash, createdAt);

    public string UserId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A new feed and its token (32 random bytes, URL-safe): the token is for the user's eyes only.</summary>
    public static (CalendarFeed Feed, string Token) Create(string userId, DateTimeOffset now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (new CalendarFeed(userId, Hash(token), now), token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(feed => feed.UserId);
        builder.Property(feed => feed.UserId).HasMaxLength(450);
        builder.Property(feed => feed.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(feed => feed.TokenHash).IsUnique();
        builder.HasOne<Data.PortalUser>().WithOne().HasForeignKey<CalendarFeed>(feed => feed.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
