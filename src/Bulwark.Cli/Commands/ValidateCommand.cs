using System.CommandLine;
using Bulwark.Catalog.Reading;

namespace Bulwark.Cli.Commands;

/// <summary>
/// <c>bulwark validate FILE…</c>: schema, reference and physical checks of scenario files (and study, flight and missile files);
/// every problem on stderr with file, line, column and key; exit 0 when all are valid, 2 when not.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "scenario, study, flight or missile files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario (or study, flight, missile) files; exit 0 when valid, 2 when not.") { files };
        command.SetAction(parse =>
        {
            int bad = 0;
            foreach (string file in parse.GetValue(files)!)
            {
                IReadOnlyList<InputException> problems = Check(file);
                foreach (InputException p in problems)
                {
                    stderr.WriteLine($"error: {p.Message}");
                }

                if (problems.Count == 0)
                {
                    stdout.WriteLine($"{file}: valid");
                }
                else
                {
                    bad++;
                }
            }

            return bad == 0 ? Program.Success : Program.BadInput;
        });
        return command;
    }

    /// <summary>All problems of one file, whatever its kind (<see cref="InputValidation"/>); a missing file is one problem.</summary>
    public static IReadOnlyList<InputException> Check(string file)
    {
        try
        {
            return InputValidation.Validate(file, InputFiles.Read(file), value => MissileResolver.Resolve(value));
        }
        catch (InputException e)
        {
            return [e];
        }
    }
}
