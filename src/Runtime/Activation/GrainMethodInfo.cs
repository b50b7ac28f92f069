using System.Reflection;

namespace Rides.Runtime.Activation;

/// <summary>
/// An interface method as the runtime calls it: how to invoke it on a grain, how to turn the
/// untyped result back into the method's return type, and its interleaving flags.
/// </summary>
internal sealed class GrainMethodInfo
{
    private static readonly MethodInfo AdaptTaskMethod = typeof(GrainMethodInfo).GetMethod(nameof(AdaptTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo AdaptValueTaskMethod = typeof(GrainMethodInfo).GetMethod(nameof(AdaptValueTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo AwaitTaskMethod = typeof(GrainMethodInfo).GetMethod(nameof(AwaitTask), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo AwaitValueTaskMethod = typeof(GrainMethodInfo).GetMethod(nameof(AwaitValueTask), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<object, Task<object?>> _awaitResult;

    public GrainMethodInfo(MethodInfo method)
    {
        Method = method;
        InterfaceType = method.DeclaringType!;
        Name = method.Name;
        ParameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();
        AlwaysInterleave = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null;
        ReadOnly = method.GetCustomAttribute<ReadOnlyAttribute>() is not null;

        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            ResultType = typeof(void);
            _awaitResult = static async t => { await ((Task)t).ConfigureAwait(false); return null; };
            AdaptResult = static t => t;
        }
        else if (returnType == typeof(ValueTask))
        {
            ResultType = typeof(void);
            _awaitResult = static async t => { await ((ValueTask)t).ConfigureAwait(false); return null; };
            AdaptResult = static t => new ValueTask(t);
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            ResultType = returnType.GetGenericArguments()[0];
            _awaitResult = AwaitTaskMethod.MakeGenericMethod(ResultType).CreateDelegate<Func<object, Task<object?>>>();
            AdaptResult = AdaptTaskMethod.MakeGenericMethod(ResultType).CreateDelegate<Func<Task<object?>, object>>();
        }
        else if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            ResultType = returnType.GetGenericArguments()[0];
            _awaitResult = AwaitValueTaskMethod.MakeGenericMethod(ResultType).CreateDelegate<Func<object, Task<object?>>>();
            AdaptResult = AdaptValueTaskMethod.MakeGenericMethod(ResultType).CreateDelegate<Func<Task<object?>, object>>();
        }
        else
        {
            throw new NotSupportedException(
                $"Grain method {InterfaceType.Name}.{method.Name} returns {returnType.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
        }
    }

    public MethodInfo Method { get; }

    public Type InterfaceType { get; }

    public string Name { get; }

    public Type[] ParameterTypes { get; }

    /// <summary>The type of the awaited result (<see cref="void"/> for Task and ValueTask).</summary>
    public Type ResultType { get; }

    public bool AlwaysInterleave { get; }

    public bool ReadOnly { get; }

    /// <summary>Turns the router's untyped task into what the interface method returns.</summary>
    public Func<Task<object?>, object> AdaptResult { get; }

    /// <summary>Invokes the method on a grain instance and awaits its result.</summary>
    public Task<object?> InvokeAsync(object grain, object?[] arguments)
    {
        var returned = Method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null)
            ?? throw new InvalidOperationException($"Grain method {InterfaceType.Name}.{Name} returned null instead of a task.");
        return _awaitResult(returned);
    }

    public override string ToString() => $"{InterfaceType.Name}.{Name}";

    private static async Task<T> AdaptTask<T>(Task<object?> task) => (T)(await task.ConfigureAwait(false))!;

    private static object AdaptValueTask<T>(Task<object?> task) => new ValueTask<T>(AdaptTask<T>(task));

    private static async Task<object?> AwaitTask<T>(object task) => await ((Task<T>)task).ConfigureAwait(false);

    private static async Task<object?> AwaitValueTask<T>(object task) => await ((ValueTask<T>)task).ConfigureAwait(false);
}
