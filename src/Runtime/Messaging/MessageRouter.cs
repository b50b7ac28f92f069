using Microsoft.Extensions.Options;
using Rides.Runtime.Activation;
using Rides.Runtime.Hosting;
using Rides.Runtime.Serialization;
using Rides.Runtime.Streams;

namespace Rides.Runtime.Messaging;

/// <summary>
/// The one path of every grain call. Today every grain is local: the call goes to the grain's
/// activation in the catalog, and with <see cref="SiloOptions.ForceSerialization"/> its arguments,
/// result and exception cross the wire serializer as a remote call's would.
/// </summary>
internal sealed class MessageRouter : IGrainCallInvoker, IWorkItemRouter
{
    private readonly Catalog _catalog;
    private readonly IWireSerializer _serializer;
    private readonly SiloOptions _options;

    public MessageRouter(Catalog catalog, GrainTypeRegistry registry, IWireSerializer serializer, IOptions<SiloOptions> options, IServiceProvider services, StreamRegistry streams)
    {
        _catalog = catalog;
        _serializer = serializer;
        _options = options.Value;
        Services = services;
        Factory = new GrainFactory(registry, this, streams.GetProvider);
    }

    /// <summary>References made by this factory call through this router.</summary>
    public IClusterClient Factory { get; }

    public IServiceProvider Services { get; }

    public async Task<object?> InvokeAsync(GrainId target, GrainMethodInfo method, object?[] arguments)
    {
        var force = _options.ForceSerialization;
        if (force)
        {
            arguments = CopyArguments(method, arguments);
        }

        var request = new RequestWorkItem(method, arguments);
        Dispatch(target, request);
        object? result;
        try
        {
            result = await request.Completion.WaitAsync(_options.ResponseTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException) when (!request.Completion.IsCompleted)
        {
            throw new GrainCallTimeoutException(
                $"Response did not arrive on time in {_options.ResponseTimeout} for {method} to grain {target}.");
        }
        catch (Exception ex) when (force)
        {
            throw ExceptionCopier.Copy(ex);
        }

        return force && method.ResultType != typeof(void)
            ? _serializer.Deserialize(_serializer.Serialize(result, method.ResultType), method.ResultType)
            : result;
    }

    public void Dispatch(GrainId target, WorkItem item)
    {
        while (true)
        {
            var activation = _catalog.GetOrCreate(target);
            if (activation.TryEnqueue(item))
            {
                return;
            }
        }
    }

    private object?[] CopyArguments(GrainMethodInfo method, object?[] arguments)
    {
        var copy = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var type = method.ParameterTypes[i];
            copy[i] = _serializer.Deserialize(_serializer.Serialize(arguments[i], type), type);
        }

        return copy;
    }
}
