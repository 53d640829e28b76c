namespace Portal.Data;

/// <summary>Where the portal keeps its files: the database, data-protection keys and, by default, outgoing mail.</summary>
public sealed class DataFolder
{
    private DataFolder(string path) => Path = path;

    public string Path { get; }

    public static DataFolder From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Database:DataFolder"] ?? "App_Data";
        var path = System.IO.Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return new DataFolder(path);
    }

    public string Resolve(string relativeOrAbsolute) => System.IO.Path.GetFullPath(relativeOrAbsolute, Path);
}
