using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Consents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConsentsReviewedAt",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsentReminders",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentReminders", x => x.DecisionId);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsentDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartyRole = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WordingVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WordingText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentDecisions_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ConsentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentShares_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentDecisions_ConsentId_Sequence",
                table: "ConsentDecisions",
                columns: new[] { "ConsentId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consents_ChildId_Partner_Purpose",
                table: "Consents",
                columns: new[] { "ChildId", "Partner", "Purpose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentShares_ConsentId",
                table: "ConsentShares",
                column: "ConsentId");
        
            // Each person's decision is kept as it was made: the database refuses to change or delete one.
            migrationBuilder.Sql("CREATE TRIGGER ConsentDecisions_NoUpdate BEFORE UPDATE ON ConsentDecisions BEGIN SELECT RAISE(ABORT, 'Consent decisions are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER ConsentDecisions_NoDelete BEFORE DELETE ON ConsentDecisions BEGIN SELECT RAISE(ABORT, 'Consent decisions are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ConsentDecisions_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ConsentDecisions_NoDelete;");

            migrationBuilder.DropTable(
                name: "ConsentDecisions");

            migrationBuilder.DropTable(
                name: "ConsentReminders");

            migrationBuilder.DropTable(
                name: "ConsentShares");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropColumn(
                name: "ConsentsReviewedAt",
                table: "Children");
        }
    }
}
