using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseworkerAssignment",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseworkerAssignment", x => new { x.ChildId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CaseworkerAssignment_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseworkerAssignment_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TimesSent = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Invitations_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WhatMatters = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NextMeetingAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    NextMeetingPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ByRole = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanChanges_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WhatNext = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanEvaluations_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanFamilyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AuthorRole = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanFamilyEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanFamilyEntries_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReachedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanGoals_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanInterventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Handover = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TakenOverBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanInterventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanInterventions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanTransitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    When = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WhoIsThere = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanTransitions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseworkerAssignment_UserId",
                table: "CaseworkerAssignment",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ChildId",
                table: "Invitations",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_UserId",
                table: "Invitations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanChanges_PlanId",
                table: "PlanChanges",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvaluations_PlanId",
                table: "PlanEvaluations",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanFamilyEntries_PlanId",
                table: "PlanFamilyEntries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanGoals_PlanId",
                table: "PlanGoals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanInterventions_PlanId",
                table: "PlanInterventions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ChildId",
                table: "Plans",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanTransitions_PlanId",
                table: "PlanTransitions",
                column: "PlanId");
        
            // The plan's history is never rewritten: the database itself refuses to change or delete a line.
            migrationBuilder.Sql("CREATE TRIGGER PlanChanges_NoUpdate BEFORE UPDATE ON PlanChanges BEGIN SELECT RAISE(ABORT, 'The plan history is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER PlanChanges_NoDelete BEFORE DELETE ON PlanChanges BEGIN SELECT RAISE(ABORT, 'The plan history is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PlanChanges_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS PlanChanges_NoDelete;");

            migrationBuilder.DropTable(
                name: "CaseworkerAssignment");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "PlanChanges");

            migrationBuilder.DropTable(
                name: "PlanEvaluations");

            migrationBuilder.DropTable(
                name: "PlanFamilyEntries");

            migrationBuilder.DropTable(
                name: "PlanGoals");

            migrationBuilder.DropTable(
                name: "PlanInterventions");

            migrationBuilder.DropTable(
                name: "PlanTransitions");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
