using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ProfessionalsAndPlanReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Service",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanReads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReaderRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReaderService = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanReads_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProfessionalAssignment",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Service = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfessionalAssignment", x => new { x.ChildId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProfessionalAssignment_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProfessionalAssignment_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanReads_ChildId_At",
                table: "PlanReads",
                columns: new[] { "ChildId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalAssignment_UserId",
                table: "ProfessionalAssignment",
                column: "UserId");

            // Who has read a child's plan is shown to the family as it happened: nobody may change or remove a line.
            migrationBuilder.Sql("""CREATE TRIGGER "PlanReads_AppendOnly" BEFORE UPDATE OR DELETE ON "PlanReads" FOR EACH ROW EXECUTE FUNCTION portal_refuse_change();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "PlanReads_AppendOnly" ON "PlanReads";""");
            migrationBuilder.DropTable(
                name: "PlanReads");

            migrationBuilder.DropTable(
                name: "ProfessionalAssignment");

            migrationBuilder.DropColumn(
                name: "Service",
                table: "AspNetUsers");
        }
    }
}
