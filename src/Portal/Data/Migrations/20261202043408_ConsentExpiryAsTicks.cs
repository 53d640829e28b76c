using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <summary>
    /// A decision's expiry stored as DateTimeOffsetToBinaryConverter does (the clock time's ticks in units of 1,000,
    /// shifted past 11 bits that hold the offset in minutes; made UTC here, as the portal writes them), so that SQLite
    /// can compare it, with an index for the reminder round. SQLite changes a column's type by copying the table. EF
    /// Core's own copy runs after every other step and keeps the text as it was, so the copy is written here: it converts
    /// each value on the way and makes the append-only triggers again, all in the migration's transaction.
    /// </summary>
    public partial class ConsentExpiryAsTicks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CopyTable("INTEGER",
            """
            ((CAST(strftime('%s', "ExpiresAt") AS INTEGER) + 62135596800) * 10000
                + CASE WHEN length("ExpiresAt") > 25 THEN CAST(substr(substr("ExpiresAt", 21, length("ExpiresAt") - 26) || '0000', 1, 4) AS INTEGER) ELSE 0 END) << 11
            """,
            """CREATE INDEX "IX_ConsentDecisions_ExpiresAt" ON "ConsentDecisions" ("ExpiresAt");"""));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CopyTable("TEXT",
            """
            strftime('%Y-%m-%d %H:%M:%S', ("ExpiresAt" >> 11) / 10000 - 62135596800
                    - 60 * CASE WHEN ("ExpiresAt" & 2047) >= 1024 THEN ("ExpiresAt" & 2047) - 2048 ELSE "ExpiresAt" & 2047 END, 'unixepoch')
                || printf('.%04d+00:00', ("ExpiresAt" >> 11) % 10000)
            """,
            ""));

        private static string CopyTable(string expiresAtType, string expiresAt, string expiresAtIndex) =>
            $"""
            CREATE TABLE "ef_temp_ConsentDecisions" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_ConsentDecisions" PRIMARY KEY,
                "Action" TEXT NOT NULL,
                "At" TEXT NOT NULL,
                "ConsentId" TEXT NOT NULL,
                "ExpiresAt" {expiresAtType} NULL,
                "Method" TEXT NOT NULL,
                "PartyId" TEXT NOT NULL,
                "PartyName" TEXT NOT NULL,
                "PartyRole" TEXT NOT NULL,
                "RecordedByName" TEXT NULL,
                "RecordedByUserId" TEXT NULL,
                "Sequence" INTEGER NOT NULL,
                "WordingText" TEXT NOT NULL,
                "WordingVersion" TEXT NOT NULL,
                CONSTRAINT "FK_ConsentDecisions_Consents_ConsentId" FOREIGN KEY ("ConsentId") REFERENCES "Consents" ("Id") ON DELETE CASCADE
            );
            INSERT INTO "ef_temp_ConsentDecisions" ("Id", "Action", "At", "ConsentId", "ExpiresAt", "Method", "PartyId", "PartyName", "PartyRole", "RecordedByName", "RecordedByUserId", "Sequence", "WordingText", "WordingVersion")
            SELECT "Id", "Action", "At", "ConsentId", {expiresAt}, "Method", "PartyId", "PartyName", "PartyRole", "RecordedByName", "RecordedByUserId", "Sequence", "WordingText", "WordingVersion"
            FROM "ConsentDecisions";
            DROP TABLE "ConsentDecisions";
            ALTER TABLE "ef_temp_ConsentDecisions" RENAME TO "ConsentDecisions";
            CREATE INDEX "IX_ConsentDecisions_ConsentId_PartyId_Sequence" ON "ConsentDecisions" ("ConsentId", "PartyId", "Sequence");
            CREATE UNIQUE INDEX "IX_ConsentDecisions_ConsentId_Sequence" ON "ConsentDecisions" ("ConsentId", "Sequence");
            {expiresAtIndex}
            CREATE TRIGGER ConsentDecisions_NoUpdate BEFORE UPDATE ON ConsentDecisions BEGIN SELECT RAISE(ABORT, 'Consent decisions are append-only'); END;
            CREATE TRIGGER ConsentDecisions_NoDelete BEFORE DELETE ON ConsentDecisions BEGIN SELECT RAISE(ABORT, 'Consent decisions are append-only'); END;
            """;
    }
}
