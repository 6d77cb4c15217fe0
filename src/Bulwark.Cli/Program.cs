using System.CommandLine;
using Bulwark.Cli.Commands;
using Bulwark.Flight.Targeting;
using Bulwark.Integration;

namespace Bulwark.Cli;

/// <summary>
/// The <c>bulwark</c> command line: parses, calls the library, renders. Exit codes: 0 success, 2 bad input (a located
/// message, never a stack trace), 1 internal failure.
/// </summary>
public static class Program
{
    public const int Success = 0;
    public const int InternalFailure = 1;
    public const int BadInput = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (tests call this in process).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Bulwark: an open, physics-based simulator of ballistic-missile-defence architectures.");
        root.Subcommands.Add(FlyCommand.Create(stdout, stderr));
        root.Subcommands.Add(CatalogCommand.Create(stdout));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(SeeCommand.Create(stdout, stderr));
        root.Subcommands.Add(EngageCommand.Create(stdout, stderr));
        root.Subcommands.Add(FootprintCommand.Create(stdout, stderr));
        root.Subcommands.Add(DeterrentCommand.Create(stdout, stderr));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(RaidCommand.Create(stdout, stderr));
        root.Subcommands.Add(CacheCommand.Create(stdout));
        root.Subcommands.Add(SweepCommand.Create(stdout, stderr));
        root.Subcommands.Add(WorkerCommand.Create(stderr));

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"error: {ParseErrors.OneLine(root, parse)}; run 'bulwark --help' for usage");
            return BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is InputException or TargetingException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (IntegrationException e)
        {
            stderr.WriteLine($"error: the integration failed: {e.Message}");
            return InternalFailure;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("BULWARK_DEBUG") is null)
        {
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message} (set BULWARK_DEBUG=1 for the stack trace)");
            return InternalFailure;
        }
    }
}
