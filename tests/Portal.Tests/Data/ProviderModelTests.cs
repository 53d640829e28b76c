using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Data;

namespace Portal.Tests.Data;

/// <summary>SQLite and PostgreSQL carry the same model, and each provider's migrations are up to date with it.</summary>
public sealed class ProviderModelTests
{
    [Fact]
    public void Both_providers_have_the_same_tables_columns_lengths_and_keys()
    {
        using var sqlite = new DesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Describe(sqlite.Model), Describe(postgres.Model));
    }

    [Fact]
    public void No_model_change_is_missing_a_migration_on_either_provider()
    {
        using var sqlite = new DesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: run dotnet ef migrations add … --context PortalDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: run dotnet ef migrations add … --context PostgresPortalDbContext");
        Assert.NotEmpty(postgres.Database.GetMigrations());
    }

    /// <summary>What must match: every table and column with its type as .NET sees it, nullability, length, key and index.</summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(entity => entity.GetProperties().Select(property =>
            $"{entity.GetTableName() ?? entity.GetViewName() ?? entity.Name}.{property.GetColumnName()}: " +
            $"{(property.GetValueConverter()?.ProviderClrType ?? property.ClrType).Name} " +
            $"null={property.IsNullable} max={property.GetMaxLength()} key={property.IsKey()} concurrency={property.IsConcurrencyToken}"))
            .Concat(model.GetEntityTypes().SelectMany(entity => entity.GetIndexes().Select(index =>
                $"{entity.GetTableName()} index ({string.Join(",", index.Properties.Select(property => property.Name))}) unique={index.IsUnique}")))
            .Order(StringComparer.Ordinal),
    ];
}
