using Spectre.Console;

namespace Bulwark.Cli.Commands;

/// <summary>Writes Spectre tables to a plain text writer: no colour, no ANSI codes, a fixed width (byte-stable output).</summary>
internal static class Render
{
    public static void Table(TextWriter stdout, Table table)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(stdout),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.Write(table);
    }
}
