using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.PostgresMigrations
{
    /// <summary>
    /// A decision's expiry stored as DateTimeOffsetToBinaryConverter does (the clock time's ticks in units of 1,000,
    /// shifted past 11 bits that hold the offset in minutes; PostgreSQL's values are UTC), the same as on SQLite, with
    /// an index for the reminder round. Changing the type rewrites the table without firing its append-only trigger.
    /// </summary>
    public partial class ConsentExpiryAsTicks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE "ConsentDecisions" ALTER COLUMN "ExpiresAt" TYPE bigint
                    USING (floor(extract(epoch FROM "ExpiresAt") * 10000)::bigint + 621355968000000) << 11;
                """);
            migrationBuilder.CreateIndex(
                name: "IX_ConsentDecisions_ExpiresAt",
                table: "ConsentDecisions",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsentDecisions_ExpiresAt",
                table: "ConsentDecisions");
            migrationBuilder.Sql(
                """
                ALTER TABLE "ConsentDecisions" ALTER COLUMN "ExpiresAt" TYPE timestamp with time zone
                    USING to_timestamp((("ExpiresAt" >> 11) - 621355968000000) / 10000.0)
                        - make_interval(mins => (CASE WHEN ("ExpiresAt" & 2047) >= 1024 THEN ("ExpiresAt" & 2047) - 2048 ELSE "ExpiresAt" & 2047 END)::int);
                """);
        }
    }
}
