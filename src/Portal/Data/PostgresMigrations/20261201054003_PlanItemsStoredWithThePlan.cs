using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class PlanItemsStoredWithThePlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Evaluations",
                table: "Plans",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "FamilyEntries",
                table: "Plans",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Goals",
                table: "Plans",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Interventions",
                table: "Plans",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Transitions",
                table: "Plans",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // The items move into the plan's row as JSON arrays, in the shape EF Core reads them (property names,
            // values as the columns held them), oldest first; then their tables go.
            migrationBuilder.Sql("""
                UPDATE "Plans" AS p SET "Goals" = COALESCE((SELECT jsonb_agg(jsonb_build_object('Id', i."Id", 'CreatedAt', i."CreatedAt", 'ReachedAt', i."ReachedAt", 'Text', i."Text") ORDER BY i."CreatedAt", i."Id") FROM "PlanGoals" AS i WHERE i."PlanId" = p."Id"), '[]'::jsonb);
                """);

            migrationBuilder.Sql("""
                UPDATE "Plans" AS p SET "Interventions" = COALESCE((SELECT jsonb_agg(jsonb_build_object('Id', i."Id", 'What', i."What", 'Who', i."Who", 'From', i."From", 'To', i."To", 'EndedOn', i."EndedOn", 'Handover', i."Handover", 'TakenOverBy', i."TakenOverBy") ORDER BY i."From", i."Id") FROM "PlanInterventions" AS i WHERE i."PlanId" = p."Id"), '[]'::jsonb);
                """);

            migrationBuilder.Sql("""
                UPDATE "Plans" AS p SET "Evaluations" = COALESCE((SELECT jsonb_agg(jsonb_build_object('Id', i."Id", 'Date', i."Date", 'WhatHappened', i."WhatHappened", 'WhatNext', i."WhatNext") ORDER BY i."Date", i."Id") FROM "PlanEvaluations" AS i WHERE i."PlanId" = p."Id"), '[]'::jsonb);
                """);

            migrationBuilder.Sql("""
                UPDATE "Plans" AS p SET "Transitions" = COALESCE((SELECT jsonb_agg(jsonb_build_object('Id', i."Id", 'Kind', i."Kind", 'When', i."When", 'Description', i."Description", 'WhoIsThere', i."WhoIsThere") ORDER BY i."When", i."Id") FROM "PlanTransitions" AS i WHERE i."PlanId" = p."Id"), '[]'::jsonb);
                """);

            migrationBuilder.Sql("""
                UPDATE "Plans" AS p SET "FamilyEntries" = COALESCE((SELECT jsonb_agg(jsonb_build_object('Id', i."Id", 'Kind', i."Kind", 'Text', i."Text", 'AuthorUserId', i."AuthorUserId", 'AuthorName', i."AuthorName", 'AuthorRole', i."AuthorRole", 'WrittenAt', i."WrittenAt", 'EditedAt', i."EditedAt") ORDER BY i."WrittenAt", i."Id") FROM "PlanFamilyEntries" AS i WHERE i."PlanId" = p."Id"), '[]'::jsonb);
                """);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Going back makes the item tables again, empty: the items themselves come back only from a backup.
            migrationBuilder.DropColumn(
                name: "Evaluations",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "FamilyEntries",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Goals",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Interventions",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Transitions",
                table: "Plans");

            migrationBuilder.CreateTable(
                name: "PlanEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    WhatHappened = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WhatNext = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuthorRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Handover = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    TakenOverBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    What = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Who = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    When = table.Column<DateOnly>(type: "date", nullable: false),
                    WhoIsThere = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                name: "IX_PlanTransitions_PlanId",
                table: "PlanTransitions",
                column: "PlanId");
        }
    }
}
