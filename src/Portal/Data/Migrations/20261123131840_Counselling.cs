using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Counselling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CounsellingCounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastQueueNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    LastLinePosition = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellingCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CounsellingRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueueNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    LinePosition = table.Column<long>(type: "INTEGER", nullable: false),
                    TicketHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Asker = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NoticeEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FrontOfLinePassesLeft = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OfferStartsAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    OfferPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OfferOnline = table.Column<bool>(type: "INTEGER", nullable: false),
                    CounsellorFirstName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AnswerBy = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CounsellingRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingRequests_QueueNumber",
                table: "CounsellingRequests",
                column: "QueueNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingRequests_State_LinePosition",
                table: "CounsellingRequests",
                columns: new[] { "State", "LinePosition" });

            migrationBuilder.CreateIndex(
                name: "IX_CounsellingRequests_TicketHash",
                table: "CounsellingRequests",
                column: "TicketHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CounsellingCounters");

            migrationBuilder.DropTable(
                name: "CounsellingRequests");
        }
    }
}
