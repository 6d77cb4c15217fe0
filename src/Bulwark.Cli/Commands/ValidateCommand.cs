using System.CommandLine;
using Bulwark.Catalog;
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

    /// <summary>All problems of one file, whatever its kind (told apart by its top-level keys: <c>study</c> for a study file,
    /// <c>initial</c> for a flight file, <c>stages</c> or <c>burnout</c> for a missile file, else a scenario).</summary>
    public static IReadOnlyList<InputException> Check(string file)
    {
        try
        {
            string text = InputFiles.Read(file);
            YamlNode root = YamlNode.Parse(file, text);
            if (StudyReader.IsStudy(root))
            {
                return StudyReader.Validate(file, text);
            }

            if (root.Has("initial"))
            {
                FlightFile.Parse(file, text, node => MissileResolver.Resolve(node)).Check();
                return [];
            }

            if (root.Has("stages") || root.Has("burnout"))
            {
                MissileFile.Parse(file, text);
                return [];
            }

            return ScenarioLoader.Validate(file, text);
        }
        catch (InputException e)
        {
            return [e];
        }
    }
}
