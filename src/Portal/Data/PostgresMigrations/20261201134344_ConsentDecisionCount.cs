using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ConsentDecisionCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DecisionCount",
                table: "Consents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The decisions already on record count: the next one on each consent is numbered after them.
            migrationBuilder.Sql("UPDATE \"Consents\" SET \"DecisionCount\" = (SELECT COALESCE(MAX(d.\"Sequence\"), 0) FROM \"ConsentDecisions\" d WHERE d.\"ConsentId\" = \"Consents\".\"Id\");");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentDecisions_ConsentId_PartyId_Sequence",
                table: "ConsentDecisions",
                columns: new[] { "ConsentId", "PartyId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConsentDecisions_ConsentId_PartyId_Sequence",
                table: "ConsentDecisions");

            migrationBuilder.DropColumn(
                name: "DecisionCount",
                table: "Consents");
        }
    }
}
