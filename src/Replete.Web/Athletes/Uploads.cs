using Replete.Documents;

namespace Replete.Web.Athletes;

/// <summary>Streams an upload to a temporary file, never holding it in memory, and refuses it past the engine's diet-file
/// limit (<see cref="InputLimits.MaximumDietFileBytes"/>).</summary>
internal static class Uploads
{
    /// <summary>Saves the request's file (a multipart form's first file, or the raw body named by <c>?name=</c>).</summary>
    /// <returns>The file's name as uploaded (no folders) and the temporary file's path; the caller deletes it.</returns>
    /// <exception cref="InputException">No file, no name, too large, or a multipart body that cannot be read.</exception>
    public static async Task<(string Name, string Path)> SaveAsync(HttpRequest request, string? name)
    {
        Stream body;
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync();
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                // A body that is not the multipart form its Content-Type announces (no boundary line, cut short) is the
                // sender's error: 400, not the 500 of an unhandled IOException ("Unexpected end of Stream").
                throw Documents.Problem("upload", "file", InputProblemCodes.Unreadable, $"the body is not a complete multipart form ({ex.Message.Trim().TrimEnd('.')}): send the file as a form field, or as the raw body with ?name=");
            }

            var file = form.Files.Count > 0 ? form.Files[0] : throw Documents.Problem("upload", "file", InputProblemCodes.Required, "attach the file to upload");
            name = file.FileName;
            body = file.OpenReadStream();
        }
        else
        {
            body = request.Body;
        }

        name = System.IO.Path.GetFileName(name ?? "");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Documents.Problem("upload", "name", InputProblemCodes.Required, "name the file (?name=export.csv): its extension tells what it is");
        }

        if (name.Length > 255 || !Documents.Displayable(name))
        {
            throw Documents.Problem("upload", "name", InputProblemCodes.Invalid, "a file name of at most 255 characters, without control or direction characters");
        }

        var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "replete-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Health data: readable by the server's own user only, whatever the process umask (tester h73 found 0644).
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var output = new FileStream(temp, options);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                total += read;
                if (total > InputLimits.MaximumDietFileBytes)
                {
                    throw new InputException([Replete.Diet.DietImport.SizeProblem(name, total)!]);
                }

                await output.WriteAsync(buffer.AsMemory(0, read));
            }

            if (total == 0)
            {
                throw new InputException([Replete.Diet.DietImport.SizeProblem(name, 0)!]);
            }

            return (name, temp);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
