using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarMethod",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarText",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildHasOwnLogin = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OnlineLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMeetings_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Why = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SuggestedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SuggestedByRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SentSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    SentCancellation = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkParticipants_NetworkMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "NetworkMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_TokenHash",
                table: "CalendarFeeds",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMeetings_ChildId_StartsAt",
                table: "NetworkMeetings",
                columns: new[] { "ChildId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkParticipants_MeetingId",
                table: "NetworkParticipants",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "NetworkParticipants");

            migrationBuilder.DropTable(
                name: "NetworkMeetings");

            migrationBuilder.DropColumn(
                name: "CalendarMethod",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "CalendarText",
                table: "OutboxMessages");
        }
    }
}
