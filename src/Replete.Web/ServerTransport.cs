namespace Replete.Web;

/// <summary>How the server sits on the network: behind a reverse proxy (forwarded headers, opt-in) and on HTTPS
/// (redirection and HSTS outside Development), all with ASP.NET Core's own middleware.</summary>
internal static class ServerTransport
{
    /// <summary>The setting that turns forwarded headers on: <c>--forwarded-headers true</c>, the same switch as ASP.NET
    /// Core's <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>.</summary>
    public const string ForwardedHeadersSetting = "forwarded-headers";

    /// <summary>Turns on ASP.NET Core's forwarded headers when asked: the client's address from <c>X-Forwarded-For</c>
    /// (so the sign-in rate limit counts each client, not the proxy) and the scheme from <c>X-Forwarded-Proto</c> (so a
    /// request the proxy took over HTTPS counts as HTTPS). Off by default: with it on, anyone who can reach the server
    /// directly can claim any address, so it is for a server only the proxy can reach.</summary>
    public static WebApplicationBuilder AddRepleteTransport(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(ForwardedHeadersSetting))
        {
            // ASP.NET Core's web host reads this key (ASPNETCORE_FORWARDEDHEADERS_ENABLED) to add the forwarded-headers
            // middleware first in the pipeline, for X-Forwarded-For and X-Forwarded-Proto from any proxy.
            builder.Configuration["FORWARDEDHEADERS_ENABLED"] = "true";
        }

        return builder;
    }

    /// <summary>Outside Development, when the server serves HTTPS (an <c>https://</c> address in <c>--urls</c> or
    /// <c>ASPNETCORE_URLS</c>, or an HTTPS port in <c>https_port</c> or <c>ASPNETCORE_HTTPS_PORTS</c>), redirects HTTP to
    /// HTTPS and sends HSTS on HTTPS answers (ASP.NET Core's defaults: 30 days, not sent to localhost). A server on plain
    /// HTTP alone (the default, <c>http://localhost:5080</c>) is left as it is.</summary>
    public static WebApplication UseRepleteTransport(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && ServesHttps(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }

    private static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrWhiteSpace(configuration["https_port"])
        || !string.IsNullOrWhiteSpace(configuration["HTTPS_PORTS"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
