namespace Bulwark.Integration;

/// <summary>The continuous solution over one accepted step.</summary>
public interface IDenseOutput
{
    double StartTimeS { get; }

    double EndTimeS { get; }

    /// <summary>Writes y(t) for StartTimeS ≤ t ≤ EndTimeS into <paramref name="y"/>.</summary>
    void Interpolate(double t, Span<double> y);
}

/// <summary>Sees every accepted step (after event truncation), e.g. to sample output at fixed times.</summary>
public interface IStepObserver
{
    void OnStep(IDenseOutput step);
}
