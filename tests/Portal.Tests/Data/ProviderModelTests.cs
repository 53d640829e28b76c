using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Data;

namespace Portal.Tests.Data;

/// <summary>SQLite and PostgreSQL carry the same model, and each provider's migrations and compiled model are up to date with it.</summary>
public sealed class ProviderModelTests
{
    [Fact]
    public void Both_providers_have_the_same_tables_columns_lengths_and_keys()
    {
        using var sqlite = new DesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(Describe(sqlite.GetService<IDesignTimeModel>().Model), Describe(postgres.GetService<IDesignTimeModel>().Model));
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

    [Fact]
    public void Each_provider_runs_on_a_compiled_model_that_is_the_model_the_configurations_build()
    {
        using var sqlite = new DesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        AssertCompiledModelIsCurrent<Portal.Data.CompiledModels.Sqlite.PortalDbContextModel>(sqlite);
        AssertCompiledModelIsCurrent<Portal.Data.CompiledModels.Postgres.PostgresPortalDbContextModel>(postgres);
    }

    private static void AssertCompiledModelIsCurrent<TCompiledModel>(PortalDbContext db)
    {
        var running = db.Model;
        var configured = db.GetService<IDesignTimeModel>().Model;
        const string hint = "run dotnet ef dbcontext optimize (see Development notes in README.md)";

        Assert.True(running.GetType() == typeof(TCompiledModel), $"{db.GetType().Name} does not run on {typeof(TCompiledModel).Name}");
        Assert.True(Print(configured) == Print(running), hint);
        Assert.True(Describe(configured).SequenceEqual(Describe(running)), hint);
    }

    /// <summary>Every entity and JSON type with its properties, keys, relationships and indexes.</summary>
    private static string Print(IModel model) => model.ToDebugString(MetadataDebugStringOptions.ShortDefault);

    /// <summary>
    /// What must match: every table and column with its type as .NET sees it, nullability, length, key and index, and every
    /// field of the JSON columns with the type it is stored as.
    /// </summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(entity => entity.GetProperties().Select(property =>
            $"{entity.GetTableName() ?? entity.GetViewName() ?? entity.Name}.{property.GetColumnName()}: " +
            $"{StoredAs(property)} " +
            $"null={property.IsNullable} max={property.GetMaxLength()} key={property.IsKey()} concurrency={property.IsConcurrencyToken}"))
            .Concat(model.GetEntityTypes().SelectMany(entity => entity.GetIndexes().Select(index =>
                $"{entity.GetTableName()} index ({string.Join(",", index.Properties.Select(property => property.Name))}) unique={index.IsUnique}")))
            .Concat(model.GetEntityTypes().SelectMany(entity => JsonFields(entity, entity.GetTableName() ?? entity.Name)))
            .Order(StringComparer.Ordinal),
    ];

    private static IEnumerable<string> JsonFields(ITypeBase type, string path) =>
        type.GetComplexProperties().SelectMany(complex =>
        {
            var inner = $"{path}.{complex.ComplexType.GetContainerColumnName() ?? complex.Name}";
            return complex.ComplexType.GetProperties().Select(property =>
                    $"{inner}.{property.GetJsonPropertyName()}: {StoredAs(property)} null={property.IsNullable}")
                .Concat(JsonFields(complex.ComplexType, inner));
        });

    /// <summary>The .NET type a value is stored as, after its conversion if it has one ("String" for an enum kept as text).</summary>
    private static string StoredAs(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return Nullable.GetUnderlyingType(type) is { } inner ? inner.Name + "?" : type.Name;
    }
}
